import { AuthenticationError, InvalidArgumentError, type SocketEnd, type SocketVerdict } from '@pbxkit/core';
import { WebsocketdAuthenticationError, WebsocketdProtocolError } from './errors.js';
import { PROTOCOL_ERROR, TOKEN_REFUSALS } from './protocol.js';

const RECONNECT: SocketVerdict = { reconnect: true };
const stop = (error: Error): SocketVerdict => ({ reconnect: false, error });

/**
 * What to do when a connection ends. A refused token (4001, 4002, 4003) is renewed once and tried again;
 * refused again before a connection got through, the client stops instead of looping as the seed SDK did.
 * A protocol error (4004) is a bug: stop. Anything else (1011 bus error, a drop, a silent server):
 * reconnect with backoff.
 */
export function createJudge(renewToken: (rejected: string | undefined) => Promise<string>, socketToken: () => string | undefined) {
  let renewed = false;

  async function afterRefusal(code: number): Promise<SocketVerdict> {
    const refusal = `${code} ${TOKEN_REFUSALS[code]}`;
    if (renewed) return stop(new WebsocketdAuthenticationError(`websocketd refused the token again after it was renewed (${refusal}): log in again`, code));
    renewed = true;
    try {
      await renewToken(socketToken());
      return RECONNECT;
    } catch (error) {
      // No refresh token, or wazo-auth refused it (revoked): the session is over.
      if (error instanceof AuthenticationError) return stop(error);
      // wazo-auth out of reach: the backoff runs, then the renewal is tried again.
      renewed = false;
      return RECONNECT;
    }
  }

  return {
    judge(end: SocketEnd): SocketVerdict | Promise<SocketVerdict> {
      if ('error' in end) {
        const fatal = end.error instanceof AuthenticationError || end.error instanceof InvalidArgumentError || end.error instanceof WebsocketdProtocolError;
        return fatal ? stop(end.error as Error) : RECONNECT;
      }
      const { code, reason } = end.close;
      if (code === PROTOCOL_ERROR) {
        return stop(new WebsocketdProtocolError(`websocketd closed the socket with ${code} (protocol error${reason ? `: ${reason}` : ''}), a bug in this client or an unsupported server`, code));
      }
      return code in TOKEN_REFUSALS ? afterRefusal(code) : RECONNECT;
    },
    /** A connection got through: a later refusal deserves a renewal again. */
    accepted(): void {
      renewed = false;
    },
  };
}
