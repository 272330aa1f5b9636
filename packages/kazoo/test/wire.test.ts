import { createContract } from '@pbxkit/simulator';
import { describe, expect, it } from 'vitest';
import { describeWireTests } from '../../../scripts/test-support/wire-tests.js';
import { createKazooClient, DEFAULT_BASE_URL } from '../src/index.js';
import spec from '../src/generated/openapi.json' with { type: 'json' };
import { operationIndex } from '../src/generated/operations.js';

const contract = createContract(spec as never);
// A JWT whose `exp` is far away: the client never renews it during the run.
const token = `e30.${btoa(JSON.stringify({ account_id: '3be3c4b1c2a8e3f2d6f0a9b8c7d6e5f4', exp: 4102444800 })).replace(/=+$/, '')}.c2ln`;

describe('the operation index', () => {
  it('covers every operation of the spec', () => {
    expect(operationIndex.map((o) => o.operationId).sort()).toEqual(contract.operations.map((o) => o.operationId).sort());
  });
});

describeWireTests({
  title: 'Kazoo',
  baseUrl: DEFAULT_BASE_URL,
  operations: operationIndex,
  contractOf: () => contract,
  createClient: () => createKazooClient({ auth: { token }, retry: false }),
  token,
});
