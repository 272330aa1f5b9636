import { InvalidArgumentError } from '@pbxkit/core';
import type { KazooSessionMethods } from '../client.js';
import { tokenRefused } from './errors.js';

/**
 * The REST client's token for blackhole commands: its current session's, or a new one when it has none.
 * Authentications it starts are shared by every command that needs one at the same time.
 */
export class CommandTokens {
  readonly #kazoo: KazooSessionMethods;
  #authenticating: Promise<string> | undefined;

  constructor(kazoo: KazooSessionMethods) {
    this.#kazoo = kazoo;
  }

  /** The session's token, authenticating first when there is none. */
  current(): Promise<string> {
    const token = this.#kazoo.session?.token;
    return token ? Promise.resolve(token) : this.#authenticate();
  }

  /**
   * A token other than the refused one: the session's if the REST client has renewed it since, else a new
   * one from `authenticate()`. Throws `AuthenticationError` when the client cannot authenticate.
   */
  async renewed(refused: string, errors: string[]): Promise<string> {
    const token = this.#kazoo.session?.token;
    if (token && token !== refused) return token;
    try {
      return await this.#authenticate();
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw tokenRefused(`${errors.join('; ')}; the Kazoo client cannot get another (it has no API key or user credentials)`, errors);
      throw error;
    }
  }

  #authenticate(): Promise<string> {
    this.#authenticating ??= this.#kazoo
      .authenticate()
      .then((session) => session.token)
      .finally(() => (this.#authenticating = undefined));
    return this.#authenticating;
  }
}
