import type { OperationSpec, OperationTuple } from './operation-spec.js';
import type { WithResponse } from './operation-types.js';
import { Page } from './pagination.js';
import type { CallInput } from './request-options.js';
import type { CallMode, Transport } from './transport.js';

/** A generated resource's operations, by method name. */
export type OperationTable = Record<string, OperationTuple>;

/** A generated factory of part of a client: a resource (`cdrsApi`), a namespace (`createCalldApi`) or all (`createKazooApi`). */
export type ApiFactory = (transport: Transport) => object;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** What the factories make, together: the type of a client composed of them. */
export type ComposedApi<F extends readonly ApiFactory[]> = Intersection<ReturnType<F[number]>>;

/**
 * Turns a generated table of operations into the resource object: one function per operation, with
 * `.withResponse` and `.asResponse`, and `.all` for paged operations. Built once per client.
 */
export function defineResource<R>(transport: Transport, table: OperationTable): R {
  const resource: Record<string, unknown> = {};
  for (const [name, [method, path, extra]] of Object.entries(table)) {
    const spec: OperationSpec = { method, path, ...extra };
    const { paging } = spec;
    const call = (mode: CallMode) => (input?: CallInput) => transport.call(spec, input, mode);
    const withResponse = call('with') as (input?: CallInput) => Promise<WithResponse<unknown, unknown>>;
    const load = async (input: CallInput = {}): Promise<Page<unknown>> =>
      new Page(await withResponse(input), input, paging!, load);
    resource[name] = Object.assign(paging ? load : call('data'), {
      withResponse,
      asResponse: call('raw'),
      ...(paging && {
        async *all(input?: CallInput) {
          yield* await load(input);
        },
      }),
    });
  }
  return resource as R;
}
