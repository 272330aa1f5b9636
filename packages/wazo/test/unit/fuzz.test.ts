/**
 * Every public entry point meets arbitrary input with a result or an InvalidArgumentError: never a crash
 * of another kind, never a request sent with input it refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basicCredentials,
  compileAcl,
  composeWazoClient,
  createWazoClient,
  createWazoEvents,
  InvalidArgumentError,
  parseWazoTime,
} from '../../src/index.js';

const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true });
const typedOrOk = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
  }
};
const TOKEN = '3f1c9a2e-8b7d-4c6e-9a5f-1e2d3c4b5a69';

describe('fuzzed public entry points', () => {
  it('createWazoClient: arbitrary options', () => {
    fc.assert(fc.property(anything, (options) => typedOrOk(() => createWazoClient(options as never))), { numRuns: 2000 });
  });

  it('composeWazoClient: arbitrary factories', () => {
    fc.assert(fc.property(anything, (factory) => typedOrOk(() => composeWazoClient({ host: 'wazo.test' }, factory as never))), { numRuns: 500 });
  });

  it('compileAcl and hasAccess: arbitrary ACLs and accesses', () => {
    fc.assert(
      fc.property(anything, anything, anything, (acl, subject, access) => typedOrOk(() => compileAcl(acl as never, subject as never)(access as never))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (acl, access) => {
        expect(typeof compileAcl(acl)(access)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('createWazoEvents and its listeners: arbitrary input', () => {
    const wazo = createWazoClient({ baseUrl: 'https://wazo.test', token: TOKEN });
    fc.assert(fc.property(anything, (options) => typedOrOk(() => createWazoEvents(wazo, options as never))), { numRuns: 1000 });
    fc.assert(fc.property(anything, (client) => typedOrOk(() => createWazoEvents(client as never))), { numRuns: 500 });
    const events = createWazoEvents(wazo);
    fc.assert(fc.property(anything, anything, (name, listener) => typedOrOk(() => events.on(name as never, listener as never))), { numRuns: 1000 });
  });

  it('parseWazoTime and basicCredentials: arbitrary values', () => {
    fc.assert(fc.property(anything, (text) => typedOrOk(() => parseWazoTime(text as never))), { numRuns: 1000 });
    fc.assert(fc.property(anything, anything, (user, password) => typedOrOk(() => basicCredentials(user as never, password as never))), { numRuns: 1000 });
  });

  it('a method: arbitrary input is sent or refused before anything goes out', async () => {
    let sent = 0;
    const wazo = createWazoClient({
      baseUrl: 'https://wazo.test',
      token: TOKEN,
      retry: false,
      fetch: async () => (sent++, Response.json({ items: [] })),
    });
    await fc.assert(
      fc.asyncProperty(anything, async (input) => {
        const before = sent;
        try {
          await wazo.calld.listCalls(input as never);
          expect(sent).toBe(before + 1);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect(sent).toBe(before);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('logIn and request: arbitrary input is refused with InvalidArgumentError before anything goes out', async () => {
    let sent = 0;
    const wazo = createWazoClient({ baseUrl: 'https://wazo.test', retry: false, fetch: async () => (sent++, Response.json({}, { status: 500 })) });
    await fc.assert(
      fc.asyncProperty(anything, anything, anything, async (input, method, path) => {
        for (const run of [() => wazo.auth.logIn(input as never), () => wazo.request(method as never, path as never, input as never)]) {
          const before = sent;
          try {
            await run();
          } catch (error) {
            if (sent === before) expect(error).toBeInstanceOf(InvalidArgumentError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
