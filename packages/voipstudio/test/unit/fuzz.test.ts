/**
 * Every public entry point meets arbitrary input with a result or an InvalidArgumentError: never a crash
 * of another kind, never a request sent with input it refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVoipstudioClient, InvalidArgumentError, parseWebhookEvent, where } from '../../src/index.js';

const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true });
const typedOrOk = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
  }
};

describe('fuzzed public entry points', () => {
  it('parseWebhookEvent: arbitrary text and values', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), anything), (payload) => typedOrOk(() => parseWebhookEvent(payload as never))), { numRuns: 2000 });
  });

  it('where: arbitrary condition objects', () => {
    fc.assert(fc.property(anything, (conditions) => typedOrOk(() => where(conditions as never))), { numRuns: 2000 });
  });

  it('createVoipstudioClient: arbitrary options', () => {
    fc.assert(fc.property(anything, (options) => typedOrOk(() => createVoipstudioClient(options as never))), { numRuns: 2000 });
  });

  it('headers: arbitrary per-client and per-call headers are sent or refused with InvalidArgumentError', async () => {
    const headers = fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(headers, headers, async (clientHeaders, callHeaders) => {
        try {
          const vs = createVoipstudioClient({
            baseUrl: 'http://pbx.test/v1.2/voipstudio',
            auth: { apiKey: 'fuzz-api-key' },
            headers: clientHeaders,
            fetch: async () => Response.json({ data: { response: 'Pong' } }),
          });
          await vs.auth.ping({ headers: callHeaders });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a method: arbitrary input is sent or refused before anything goes out', async () => {
    let sent = 0;
    const vs = createVoipstudioClient({
      baseUrl: 'http://pbx.test/v1.2/voipstudio',
      auth: { apiKey: 'fuzz-api-key' },
      retry: false,
      fetch: async () => (sent++, Response.json({ data: { id: 1 }, links: {} })),
    });
    await fc.assert(
      fc.asyncProperty(anything, async (input) => {
        const before = sent;
        try {
          await vs.contacts.get(input as never);
          expect(sent).toBe(before + 1);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect(sent).toBe(before);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
