import type { ErrorShape } from './errors.js';
import { documents } from './generated.js';

export type DaemonName = keyof typeof documents;

export interface Daemon {
  name: DaemonName;
  /** The public prefix nginx forwards to the daemon, e.g. `/api/calld/1.0`. */
  prefix: string;
  /** The error body of failures no operation describes (unknown routes, invalid requests, faults). */
  errorShape: ErrorShape;
  /** CORS request headers the daemon allows besides `Content-Type` and the spec's auth headers. */
  extraAllowedHeaders: string[];
}

const daemon = (name: DaemonName, prefix: string, errorShape: ErrorShape = 'standard', extraAllowedHeaders = ['Wazo-Tenant']): Daemon => ({
  name,
  prefix,
  errorShape,
  extraAllowedHeaders,
});

/** The seven daemons behind the stack's nginx, by their public prefix. */
export const DAEMONS: readonly Daemon[] = [
  // wazo-auth also allows Authorization (from its Basic scheme) and the session type.
  daemon('auth', '/api/auth/0.1', 'standard', ['Wazo-Tenant', 'Wazo-Session-Type']),
  daemon('calld', '/api/calld/1.0'),
  daemon('confd', '/api/confd/1.1', 'confd'),
  daemon('dird', '/api/dird/0.1'),
  daemon('agentd', '/api/agentd/1.0', 'agentd'),
  daemon('callLogd', '/api/call-logd/1.0'),
  daemon('chatd', '/api/chatd/1.0'),
];
