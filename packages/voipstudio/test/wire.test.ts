import { createContract } from '@pbxkit/simulator';
import { describe, expect, it } from 'vitest';
import { describeWireTests } from '../../../scripts/test-support/wire-tests.js';
import { createVoipstudioClient, DEFAULT_BASE_URL } from '../src/index.js';
import spec from '../src/generated/openapi.json' with { type: 'json' };
import { operationIndex } from '../src/generated/operations.js';

const contract = createContract(spec as never);
const token = 'wire-test-api-key';

describe('the operation index', () => {
  it('covers every operation of the spec', () => {
    expect(operationIndex.map((o) => o.operationId).sort()).toEqual(contract.operations.map((o) => o.operationId).sort());
  });
});

describeWireTests({
  title: 'VoIPstudio',
  baseUrl: DEFAULT_BASE_URL,
  operations: operationIndex,
  contractOf: () => contract,
  createClient: () => createVoipstudioClient({ auth: { apiKey: token }, retry: false }),
  token,
});
