import { AuthenticationError, SocketConnectionError } from '@pbxkit/core';

/**
 * websocketd refused the session's token (close 4001, 4002 or 4003) even after it was renewed: the
 * session is over (revoked, or its user lost the `websocketd` access). Log in again.
 */
export class WebsocketdAuthenticationError extends AuthenticationError {
  override name = 'WebsocketdAuthenticationError';
  /** The close code of the last refusal. */
  declare readonly closeCode: number;

  constructor(message: string, closeCode: number) {
    super({ status: 401, message });
    Object.defineProperty(this, 'closeCode', { value: closeCode, enumerable: true });
  }
}

/** websocketd closed with 4004 (protocol error) or answered a frame with a failure: a bug, not worth a reconnection. */
export class WebsocketdProtocolError extends SocketConnectionError {
  override name = 'WebsocketdProtocolError';
}
