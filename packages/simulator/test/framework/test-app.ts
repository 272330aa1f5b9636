import { createSimulatorApp, empty, json, bytes, type Handler, type SimulatorAppOptions } from '../../src/index.js';
import { miniSpec } from './mini-spec.js';

const items = [
  { id: 1, name: 'one' },
  { id: 2, name: 'two' },
];

/** A tiny platform over the mini spec; item 666 is deliberately answered outside the contract. */
export function createTestApp(overrides: Partial<SimulatorAppOptions<string>> = {}) {
  const handlers: Record<string, Handler<string>> = {
    listItems: () => json(200, { data: items, total: items.length }),
    createItem: ({ body }) => json(201, { id: 3, name: (body as { name: string }).name }),
    getItem: ({ path }) => {
      if (path.id === 666) return json(200, { id: 'not a number', name: 'broken' });
      const item = items.find((i) => i.id === path.id);
      return item ? json(200, item) : json(404, { message: 'Resource not found' });
    },
    deleteItem: () => empty(204),
    downloadItemAudio: () => bytes(new Uint8Array([0xff, 0xfb, 0x10, 0xc4]), 'audio/mpeg'),
  };
  let resets = 0;
  const app = createSimulatorApp<string>({
    spec: miniSpec,
    name: 'mini',
    handlers,
    errorReply: (status, message, violations) =>
      json(status, { message, errors: (violations ?? []).map((v) => ({ field: v.at, message: v.message })) }),
    authenticate: (request) => {
      const token = request.headers.get('X-Auth-Token');
      return token === 'good' ? { auth: 'user-1' } : { reply: json(401, { message: 'Unauthorized' }) };
    },
    onReset: () => {
      resets += 1;
    },
    ...overrides,
  });
  return { app, resets: () => resets };
}
