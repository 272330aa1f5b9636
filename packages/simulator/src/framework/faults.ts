/**
 * Faults injected at run time: latency, error statuses, 429 with Retry-After, dropped connections.
 * Each fault may be limited to a method and a path pattern (`*` matches anything, paths are relative to
 * the base path), to the next `times` matching requests, or to a fraction `rate` of them.
 */
export interface FaultScope {
  /** HTTP method, any case. Every method when absent. */
  method?: string;
  /** Path pattern relative to the base path, e.g. `/cdrs` or `/monitors/*`. Every path when absent. */
  path?: string;
  /** Fire for the next N matching requests, then disappear. Unlimited when absent. */
  times?: number;
  /** Fire for this fraction (0..1) of matching requests. Always when absent. */
  rate?: number;
}

export type FaultInput =
  | ({ type: 'latency'; ms: number } & FaultScope)
  | ({ type: 'status'; status: number; message?: string } & FaultScope)
  | ({ type: 'rate-limit'; retryAfter?: number } & FaultScope)
  | ({ type: 'drop' } & FaultScope);

export type Fault = FaultInput & { id: number };

export type FailureFault = Extract<Fault, { type: 'status' | 'rate-limit' | 'drop' }>;

interface ActiveFault {
  fault: Fault;
  remaining: number;
  pattern?: RegExp;
}

export class Faults {
  readonly #random: () => number;
  #active: ActiveFault[] = [];
  #nextId = 1;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  add(input: FaultInput): Fault {
    const problem = faultInputProblem(input);
    if (problem) throw new TypeError(`Invalid fault: ${problem}`);
    const fault = { ...input, id: this.#nextId++ } as Fault;
    this.#active.push({
      fault,
      remaining: input.times ?? Number.POSITIVE_INFINITY,
      ...(input.path ? { pattern: globToRegExp(input.path) } : {}),
    });
    return fault;
  }

  latency(ms: number, scope: FaultScope = {}): Fault {
    return this.add({ type: 'latency', ms, ...scope });
  }

  status(status: number, scope: FaultScope & { message?: string } = {}): Fault {
    return this.add({ type: 'status', status, ...scope });
  }

  rateLimit(retryAfterSeconds = 1, scope: FaultScope = {}): Fault {
    return this.add({ type: 'rate-limit', retryAfter: retryAfterSeconds, ...scope });
  }

  drop(scope: FaultScope = {}): Fault {
    return this.add({ type: 'drop', ...scope });
  }

  list(): Fault[] {
    return this.#active.map((active) => active.fault);
  }

  remove(id: number): boolean {
    const before = this.#active.length;
    this.#active = this.#active.filter((active) => active.fault.id !== id);
    return this.#active.length !== before;
  }

  clear(): void {
    this.#active = [];
  }

  /** Total latency (ms) of the latency faults that fire for this request. */
  takeLatency(method: string, path: string): number {
    return this.#fire(method, path, (fault) => fault.type === 'latency').reduce(
      (sum, fault) => sum + (fault.type === 'latency' ? fault.ms : 0),
      0,
    );
  }

  /** The first failure fault (drop, status, rate-limit) that fires for this request, if any. */
  takeFailure(method: string, path: string): FailureFault | undefined {
    return this.#fire(method, path, (fault) => fault.type !== 'latency', true)[0] as FailureFault | undefined;
  }

  #fire(method: string, path: string, kind: (fault: Fault) => boolean, firstOnly = false): Fault[] {
    const fired: Fault[] = [];
    for (const active of this.#active) {
      const { fault } = active;
      if (!kind(fault) || !inScope(active, method, path)) continue;
      if (fault.rate !== undefined && this.#random() >= fault.rate) continue;
      active.remaining -= 1;
      fired.push(fault);
      if (firstOnly) break;
    }
    this.#active = this.#active.filter((active) => active.remaining > 0);
    return fired;
  }
}

function inScope(active: ActiveFault, method: string, path: string): boolean {
  const { fault, pattern } = active;
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  return !pattern || pattern.test(path);
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** Why a value is not a usable fault (for the control endpoint), or undefined when it is one. */
export function faultInputProblem(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object') return 'must be an object';
  const fault = input as Record<string, unknown>;
  const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  const isOptional = (key: string, test: (v: unknown) => boolean) => fault[key] === undefined || test(fault[key]);
  if (!isOptional('method', (v) => typeof v === 'string')) return 'method must be a string';
  if (!isOptional('path', (v) => typeof v === 'string' && v.startsWith('/'))) return "path must start with '/'";
  if (!isOptional('times', isCount)) return 'times must be a positive integer';
  if (!isOptional('rate', (v) => typeof v === 'number' && v >= 0 && v <= 1)) return 'rate must be between 0 and 1';
  switch (fault.type) {
    case 'latency':
      return typeof fault.ms === 'number' && fault.ms >= 0 ? undefined : 'ms must be a number ≥ 0';
    case 'status':
      if (!(typeof fault.status === 'number' && Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) {
        return 'status must be an integer from 400 to 599';
      }
      return isOptional('message', (v) => typeof v === 'string') ? undefined : 'message must be a string';
    case 'rate-limit':
      return isOptional('retryAfter', (v) => typeof v === 'number' && v >= 0) ? undefined : 'retryAfter must be seconds ≥ 0';
    case 'drop':
      return undefined;
    default:
      return "type must be 'latency', 'status', 'rate-limit' or 'drop'";
  }
}
