/**
 * Every public entry point meets arbitrary input with a result or an InvalidArgumentError: never a crash
 * of another kind, never a request sent with input it refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createKazooClient,
  createKazooEvents,
  fromGregorian,
  InvalidArgumentError,
  kazooFilterSerializer,
  kazooWebhook,
  parseKazooWebhook,
  toGregorian,
} from '../../src/index.js';

const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true });
const typedOrOk = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
  }
};
const token = `e30.${btoa(JSON.stringify({ account_id: 'a'.repeat(32), exp: 4102444800 }))}.c2ln`;

describe('fuzzed public entry points', () => {
  it('createKazooClient: arbitrary options', () => {
    fc.assert(fc.property(anything, (options) => typedOrOk(() => createKazooClient(options as never))), { numRuns: 2000 });
  });

  it('the filter serializer: arbitrary filters', () => {
    fc.assert(fc.property(anything, (filter) => typedOrOk(() => kazooFilterSerializer('filter', filter))), { numRuns: 2000 });
  });

  it('Gregorian conversions: arbitrary values', () => {
    fc.assert(fc.property(anything, (value) => typedOrOk(() => fromGregorian(value as never))), { numRuns: 1000 });
    fc.assert(fc.property(anything, (value) => typedOrOk(() => toGregorian(value as never))), { numRuns: 1000 });
  });

  it('createKazooEvents, its listeners and the webhook helpers: arbitrary input', () => {
    const kazoo = createKazooClient({ baseUrl: 'http://kazoo.test/v2', auth: { token } });
    fc.assert(fc.property(anything, (options) => typedOrOk(() => createKazooEvents(kazoo, options as never))), { numRuns: 1000 });
    fc.assert(fc.property(anything, (client) => typedOrOk(() => createKazooEvents(client as never, { url: 'ws://kazoo.test:5555' }))), { numRuns: 500 });
    const events = createKazooEvents(kazoo, { url: 'ws://kazoo.test:5555' });
    fc.assert(fc.property(anything, anything, (key, listener) => typedOrOk(() => events.on(key as never, listener as never))), { numRuns: 1000 });
    fc.assert(fc.property(anything, (spec) => typedOrOk(() => kazooWebhook(spec as never))), { numRuns: 2000 });
    fc.assert(fc.property(anything, anything, (headers, payload) => typedOrOk(() => parseKazooWebhook({ headers, payload } as never))), { numRuns: 2000 });
  });

  it('a listing: arbitrary input is sent or refused before anything goes out', async () => {
    let sent = 0;
    const kazoo = createKazooClient({
      baseUrl: 'http://kazoo.test/v2',
      auth: { token },
      retry: false,
      fetch: async () => (sent++, Response.json({ status: 'success', data: [] })),
    });
    await fc.assert(
      fc.asyncProperty(anything, async (input) => {
        const before = sent;
        try {
          await kazoo.users.list(input as never);
          expect(sent).toBe(before + 1);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect(sent).toBe(before);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a listing: arbitrary filters are sent or refused before anything goes out', async () => {
    let sent = 0;
    const kazoo = createKazooClient({
      baseUrl: 'http://kazoo.test/v2',
      auth: { token },
      retry: false,
      fetch: async () => (sent++, Response.json({ status: 'success', data: [] })),
    });
    await fc.assert(
      fc.asyncProperty(anything, anything, async (filter, created) => {
        const before = sent;
        try {
          await kazoo.cdrs.list({ query: { filter: filter as never, created_from: created as never } });
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
