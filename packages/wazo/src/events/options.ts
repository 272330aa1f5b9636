import { DEFAULT_KEEP_ALIVE, InvalidArgumentError, socketOptionProblems, type KeepAliveSetting } from '@pbxkit/core';
import type { WazoSessionLayer } from '../client.js';
import { isObject } from '../errors.js';
import type { WazoEventsOptions } from './types.js';

/** What the events client uses of a Wazo client: any client, whichever daemons it carries. */
export type WazoEventsSession = Pick<WazoSessionLayer, 'baseUrl' | 'session' | 'currentToken' | 'renewToken' | 'onTokenRefresh'>;

/** websocketd's path behind the stack's nginx. */
const WEBSOCKETD_PATH = '/api/websocketd/';

export interface CheckedEventsOptions extends WazoEventsOptions {
  url: string;
  keepAlive: KeepAliveSetting;
}

const optionalFunction = (value: unknown) => value === undefined || typeof value === 'function';

function socketUrl(given: unknown, baseUrl: string): string | undefined {
  if (given === undefined) return `${baseUrl.replace(/^http/, 'ws')}${WEBSOCKETD_PATH}`;
  if (typeof given !== 'string' || !URL.canParse(given)) return undefined;
  const url = new URL(given);
  return /^wss?:$/.test(url.protocol) && !url.searchParams.has('token') ? url.href : undefined;
}

/** Throws `InvalidArgumentError` naming every bad argument. */
export function checkEventsArguments(wazo: WazoEventsSession, given: WazoEventsOptions | undefined): CheckedEventsOptions {
  const session = wazo as Partial<Record<keyof WazoEventsSession, unknown>> | undefined;
  const isClient =
    isObject(session) &&
    typeof session.baseUrl === 'string' &&
    ['currentToken', 'renewToken', 'onTokenRefresh'].every((method) => typeof session[method as keyof WazoEventsSession] === 'function');
  if (!isClient) throw new InvalidArgumentError('createWazoEvents() takes a Wazo client (createWazoClient or composeWazoClient), then options');
  if (given !== undefined && !isObject(given)) throw new InvalidArgumentError('createWazoEvents(): options must be an object');
  const o: WazoEventsOptions = given ?? {};
  const url = socketUrl(o.url, wazo.baseUrl);
  const { keepAlive = DEFAULT_KEEP_ALIVE } = o;
  const problems = [
    !url && '`url` must be a ws: or wss: URL without a token (the client adds the current one)',
    ...socketOptionProblems(o),
    !optionalFunction(o.onStatus) && '`onStatus` must be a function',
    !optionalFunction(o.onError) && '`onError` must be a function',
  ].filter(Boolean);
  if (problems.length) throw new InvalidArgumentError(`Invalid Wazo events options: ${problems.join('; ')}`);
  return { ...o, url: url!, keepAlive };
}

/** The URL of one connection: websocketd's, with the token to authenticate with and protocol version 2. */
export function connectionUrl(base: string, token: string): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  url.searchParams.set('version', '2');
  return url.href;
}
