/**
 * Types that turn an openapi-typescript `operations[...]` entry into the signature of a client method.
 * Generated resources name their methods with these; nothing here exists at run time.
 */
import type { Page } from './pagination.js';
import type { RequestOptions } from './request-options.js';

type Defined<T> = Exclude<T, undefined>;
type IsEmpty<T> = [Defined<T>] extends [never] ? true : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

type ParametersOf<Op> = Op extends { parameters: infer P } ? P : {};

type PathInput<Op> = ParametersOf<Op> extends { path: infer P }
  ? IsEmpty<P> extends true ? {} : RequiredKeys<P> extends never ? { path?: P } : { path: P }
  : {};

type QueryInput<Op> = ParametersOf<Op> extends { query: infer Q }
  ? IsEmpty<Q> extends true ? {} : { query: Q }
  : ParametersOf<Op> extends { query?: infer Q }
    ? IsEmpty<Q> extends true ? {} : { query?: Defined<Q> }
    : {};

type ContentOf<B> = B extends { content: infer C } ? C[keyof C] : never;
type BodyInput<Op> = Op extends { requestBody: infer B }
  ? IsEmpty<B> extends true ? {} : { body: ContentOf<B> }
  : Op extends { requestBody?: infer B }
    ? IsEmpty<B> extends true ? {} : { body?: ContentOf<Defined<B>> }
    : {};

type Optional<T, K extends PropertyKey> = Simplify<Omit<T, K> & { [P in K & keyof T]?: T[P] }>;

/** The operation with the path parameters `K` optional: the client fills them from its options (`x-pbxkit-client-option`). */
export type WithDefaults<Op, K extends string> = Op extends { parameters: infer P }
  ? Omit<Op, 'parameters'> & { parameters: Omit<P, 'path'> & { path: Optional<P extends { path: infer Path } ? Path : {}, K> } }
  : Op;

type UnwrapJson<C, E extends string> = {
  [M in keyof C]: M extends `application/json${string}` ? (C[M] extends { [K in E]: infer D } ? D : C[M]) : C[M];
};
type UnwrapContent<B, E extends string> = B extends { content: infer C } ? Omit<B, 'content'> & { content: UnwrapJson<C, E> } : B;

/** The operation whose JSON body the client wraps in the property `E` (`x-pbxkit-request-envelope`): callers pass what goes inside. */
export type WrappedBody<Op, E extends string> = Op extends { requestBody: infer B }
  ? Omit<Op, 'requestBody'> & { requestBody: UnwrapContent<B, E> }
  : Op extends { requestBody?: infer B }
    ? Omit<Op, 'requestBody'> & { requestBody?: UnwrapContent<Defined<B>, E> }
    : Op;

type NullableFields<C> = { [M in keyof C]: M extends `application/json${string}` ? { [K in keyof C[M]]?: C[M][K] | null } : C[M] };
type NullableContent<B> = B extends { content: infer C } ? Omit<B, 'content'> & { content: NullableFields<C> } : B;

/** The operation whose JSON body is a merge patch (`x-pbxkit-merge-patch`): any top-level field may be `null`, which removes it. */
export type MergePatch<Op> = Op extends { requestBody: infer B }
  ? Omit<Op, 'requestBody'> & { requestBody: NullableContent<B> }
  : Op extends { requestBody?: infer B }
    ? Omit<Op, 'requestBody'> & { requestBody?: NullableContent<Defined<B>> }
    : Op;

/** What a method takes: `{ path, query, body }` as the spec types them, plus per-request options. */
export type OperationInput<Op> = Simplify<PathInput<Op> & QueryInput<Op> & BodyInput<Op> & RequestOptions>;

/** The input as a parameter list: optional when no part of it is required. */
export type InputArgs<Op> =
  RequiredKeys<OperationInput<Op>> extends never ? [input?: OperationInput<Op>] : [input: OperationInput<Op>];

type SuccessCode = 200 | 201 | 202 | 203 | 204 | 206 | '2XX';
type ResponsesOf<Op> = Op extends { responses: infer R } ? R : {};
/** The JSON body when a response has one beside other media types (a CSV variant), else its only body. */
type ResponseContent<R> = R extends { content: infer C }
  ? Extract<keyof C, `application/json${string}`> extends never ? C[keyof C] : C[Extract<keyof C, `application/json${string}`>]
  : undefined;

/** The parsed body of any 2xx response (a union when several are declared, e.g. 200 | 202). */
export type SuccessBody<Op> = {
  [S in keyof ResponsesOf<Op> & SuccessCode]: ResponseContent<ResponsesOf<Op>[S]>;
}[keyof ResponsesOf<Op> & SuccessCode];

/** The body with its envelope property taken off when the spec names one (`x-pbxkit-envelope`). */
export type Unwrapped<Body, Envelope extends string | undefined> = Envelope extends string
  ? Body extends { [K in Envelope]: infer D } ? D : Body
  : Body;

export type OperationOutput<Op, Envelope extends string | undefined> = Unwrapped<SuccessBody<Op>, Envelope>;

/** The typed data beside the whole body (the envelope) and the HTTP response. */
export interface WithResponse<Data, Body> {
  data: Data;
  /** The whole parsed body: for enveloped calls the envelope (`total`, `links`, `request_id`, ...). */
  body: Body;
  response: Response;
  requestId: string | undefined;
}

/** A generated client method. */
export interface Operation<Op, Envelope extends string | undefined = undefined> {
  (...args: InputArgs<Op>): Promise<OperationOutput<Op, Envelope>>;
  /** Same call, resolving to the data with the body (envelope) and the `Response` beside it. */
  withResponse(...args: InputArgs<Op>): Promise<WithResponse<OperationOutput<Op, Envelope>, SuccessBody<Op>>>;
  /** Same call, resolving to the `Response` with its body unread (for streaming). Errors still throw. */
  asResponse(...args: InputArgs<Op>): Promise<Response>;
}

export type ItemOf<Op, Envelope extends string | undefined> =
  OperationOutput<Op, Envelope> extends readonly (infer I)[] ? I : never;

/** A generated list method: resolves to one page; `.all()` walks every page. */
export interface PagedOperation<Op, Envelope extends string | undefined = undefined> {
  (...args: InputArgs<Op>): Promise<Page<ItemOf<Op, Envelope>, SuccessBody<Op>>>;
  /** Iterate over every item of every page from the one the input asks for, one page in memory at a time. */
  all(...args: InputArgs<Op>): AsyncIterableIterator<ItemOf<Op, Envelope>>;
  withResponse(...args: InputArgs<Op>): Promise<WithResponse<OperationOutput<Op, Envelope>, SuccessBody<Op>>>;
  asResponse(...args: InputArgs<Op>): Promise<Response>;
}

/** Another representation of an operation's result, asked for with `Accept` (`x-pbxkit-variants`): a CSV export, an audio file. */
export interface VariantOperation<Op, Result> {
  (...args: InputArgs<Op>): Promise<Result>;
  withResponse(...args: InputArgs<Op>): Promise<WithResponse<Result, Result>>;
  asResponse(...args: InputArgs<Op>): Promise<Response>;
}
