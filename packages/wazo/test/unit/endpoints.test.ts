import type { OperationTuple } from '@pbxkit/core';
import { expect, it } from 'vitest';
import { sessionEndpoints } from '../../src/auth.js';
import { authOperations } from '../../src/generated/auth/resources/auth.js';
import { confdOperations } from '../../src/generated/confd/resources/confd.js';

const spec = ([method, path, extra]: OperationTuple) => ({ method, path, ...extra });

it('the session layer calls the operations exactly as the generated tables declare them', () => {
  const { getUser, ...auth } = sessionEndpoints;
  for (const [name, endpoint] of Object.entries(auth)) {
    expect(endpoint, name).toEqual(spec(authOperations[name as keyof typeof auth]));
  }
  expect(getUser).toEqual(spec(confdOperations.getUser));
});
