import { callerOfToken, isWithin } from '../auth.js';
import { isJsonObject, type Json } from '../documents.js';
import type { KazooStore } from '../store.js';
import { randomHex, type Tokens } from '../tokens.js';
import { bindingProblem } from './bindings.js';

/** One binding a socket subscribed to, for one account (`*`: every account, super-duper admins only). */
export interface Subscription {
  accountId: string;
  binding: string;
}

/** `{action: 'reply', request_id, status, data}`: blackhole's answer to every command. */
export interface BlackholeReply {
  action: 'reply';
  request_id: string;
  status: 'success' | 'error';
  data: Json;
}

const REQUIRED_KEYS = ['account_id', 'binding'] as const;

/**
 * The state and command handling of one blackhole socket (`blackhole_socket_callback:recv/2`): authenticate
 * (a token once, then optional), validate `data`, authorize the account, then subscribe, unsubscribe, ping
 * or noop. Every command gets a reply; nothing a client sends makes it throw.
 */
export class BlackholeSession {
  readonly id = randomHex(32);
  readonly subscriptions: Subscription[] = [];
  /** The account of the token that authenticated the socket. */
  accountId: string | undefined;
  #superAdmin = false;
  readonly #store: KazooStore;
  readonly #tokens: Tokens;

  constructor(store: KazooStore, tokens: Tokens) {
    this.#store = store;
    this.#tokens = tokens;
  }

  /** The reply to one text frame. */
  receive(text: string): BlackholeReply {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return error(randomHex(), 'message is not valid JSON');
    }
    if (!isJsonObject(message)) return error(randomHex(), 'message must be a JSON object');
    const requestId = typeof message.request_id === 'string' && message.request_id !== '' ? message.request_id : randomHex();
    const action = message.action ?? 'noop';

    const problem = this.#authenticate(message.auth_token);
    if (problem) return error(requestId, problem);
    switch (action) {
      case 'ping':
        return success(requestId, { response: 'pong' });
      case 'noop':
        return success(requestId, {});
      case 'subscribe':
        return this.#bind(requestId, 'subscribe', message.data);
      case 'unsubscribe':
        return this.#bind(requestId, 'unsubscribe', message.data);
      default:
        return error(requestId, `action ${String(action)} not supported`);
    }
  }

  /** The bindings subscribed, once each, in subscription order. */
  bindings(): string[] {
    return [...new Set(this.subscriptions.map((s) => s.binding))];
  }

  #authenticate(token: unknown): string | undefined {
    if (token === undefined) return this.accountId === undefined ? 'authentication token required' : undefined;
    const caller = typeof token === 'string' ? callerOfToken(this.#store, this.#tokens, token) : undefined;
    // Kazoo appends the token to this message; the simulator never echoes credentials.
    if (!caller) return 'failed to authenticate token';
    this.accountId = caller.account.id;
    this.#superAdmin = caller.account.pvt_superduper_admin;
    return undefined;
  }

  #bind(requestId: string, action: 'subscribe' | 'unsubscribe', data: unknown): BlackholeReply {
    if (!isJsonObject(data)) return error(requestId, 'missing required keys in data object');
    const missing = REQUIRED_KEYS.filter((key) => typeof data[key] !== 'string' || data[key] === '');
    if (missing.length > 0) return error(requestId, `missing required keys : ${missing.join(', ')}`);
    const subscription = { accountId: data.account_id as string, binding: data.binding as string };
    if (!this.#mayWatch(subscription.accountId)) return error(requestId, 'unauthorized account id');
    const problem = bindingProblem(subscription.binding);
    if (problem) return error(requestId, problem);

    const index = this.subscriptions.findIndex((s) => s.accountId === subscription.accountId && s.binding === subscription.binding);
    if (action === 'subscribe') {
      if (index < 0) this.subscriptions.push(subscription);
      return success(requestId, { subscribed: this.bindings() });
    }
    if (index >= 0) this.subscriptions.splice(index, 1);
    return success(requestId, { unsubscribed: index >= 0 ? [subscription.binding] : [], subscribed: this.bindings() });
  }

  /** The account must be the token's or below it (`bh_authz_subscribe`); `*` is for super-duper admins. */
  #mayWatch(accountId: string): boolean {
    if (accountId === '*') return this.#superAdmin;
    const account = this.#store.accounts.find(accountId);
    return account !== undefined && this.accountId !== undefined && isWithin(account, this.accountId);
  }
}

const success = (requestId: string, data: Json): BlackholeReply => ({ action: 'reply', request_id: requestId, status: 'success', data });
const error = (requestId: string, message: string): BlackholeReply => ({ action: 'reply', request_id: requestId, status: 'error', data: { errors: [message] } });
