import { PbxkitError } from '../errors.js';

/** The statuses a webhook receiver refuses a request with. */
export type WebhookRefusalStatus = 400 | 405 | 413 | 415;

/**
 * A webhook request the receiver refuses. The message says what is wrong with the request's shape and never
 * quotes its body, which may hold secrets; it is what the client gets back as `text/plain`.
 */
export class WebhookRequestError extends PbxkitError {
  override name = 'WebhookRequestError';
  declare readonly status: WebhookRefusalStatus;
  /** The methods the receiver takes, sent as `Allow` with a 405. */
  declare readonly allow: readonly string[] | undefined;

  constructor(status: WebhookRefusalStatus, message: string, allow?: readonly string[]) {
    super(message);
    Object.assign(this, { status, allow });
  }
}

export const badRequest = (message: string) => new WebhookRequestError(400, message);
