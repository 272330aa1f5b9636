import { Hono } from 'hono';
import { faultInputProblem, type FaultInput, type Faults } from './faults.js';
import type { RecordedViolation } from './app.js';
import { isSendableCloseCode } from './websocket.js';

export interface ControlTarget {
  name: string;
  faults: Faults;
  violations: readonly RecordedViolation[];
  reset(): void;
  dropSockets?: (code?: number) => number;
}

/**
 * `/__sim/*`: lets browser tests and demos drive a running simulator over HTTP.
 * GET health, GET/POST/DELETE faults, DELETE faults/:id, POST reset, GET violations, POST sockets/drop.
 */
export function controlRoutes(target: ControlTarget): Hono {
  const control = new Hono();
  control.get('/health', (c) =>
    c.json({ status: 'ok', platform: target.name, faults: target.faults.list().length, violations: target.violations.length }),
  );
  control.get('/faults', (c) => c.json({ data: target.faults.list() }));
  control.post('/faults', async (c) => {
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return c.json({ message: 'Body must be a JSON fault or an array of faults' }, 400);
    }
    const inputs = Array.isArray(input) ? input : [input];
    const problem = inputs.map(faultInputProblem).find((p) => p !== undefined);
    if (problem) return c.json({ message: `Invalid fault: ${problem}` }, 400);
    return c.json({ data: inputs.map((fault) => target.faults.add(fault as FaultInput)) }, 201);
  });
  control.delete('/faults', (c) => {
    target.faults.clear();
    return c.body(null, 204);
  });
  control.delete('/faults/:id', (c) =>
    target.faults.remove(Number(c.req.param('id'))) ? c.body(null, 204) : c.json({ message: 'No such fault' }, 404),
  );
  control.post('/reset', (c) => {
    target.reset();
    return c.body(null, 204);
  });
  control.get('/violations', (c) => c.json({ data: target.violations }));
  // What a network drop looks like to clients; `?code=4003` closes cleanly with that code instead.
  control.post('/sockets/drop', (c) => {
    if (!target.dropSockets) return c.json({ message: `The ${target.name} simulator serves no WebSockets` }, 404);
    const given = c.req.query('code');
    const code = given === undefined ? undefined : Number(given);
    if (code !== undefined && !isSendableCloseCode(code)) return c.json({ message: 'code must be 1000-1014 (but 1004-1006) or 3000-4999' }, 400);
    return c.json({ dropped: target.dropSockets(code) });
  });
  return control;
}
