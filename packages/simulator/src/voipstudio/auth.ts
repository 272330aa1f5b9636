import type { AuthResult } from '../framework/app.js';
import { vsError } from './errors.js';
import type { Caller, Sessions } from './sessions.js';

/** `X-Auth-Token: <token>` or HTTP Basic `user_id:token`, the token being a session or an API token. */
export function authenticateRequest(sessions: Sessions, request: Request): AuthResult<Caller> {
  const unauthorized = (message: string) => ({ reply: vsError(401, 'Unauthorized', [{ message }]) });
  const headerToken = request.headers.get('X-Auth-Token');
  let token = headerToken ?? undefined;
  let claimedUserId: number | undefined;
  if (token === undefined) {
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
    if (basic === undefined) return unauthorized('Missing credentials');
    const decoded = decodeBase64(basic);
    const separator = decoded?.indexOf(':') ?? -1;
    if (decoded === undefined || separator < 1) return unauthorized('Failed to parse Authorization header credentials');
    claimedUserId = Number(decoded.slice(0, separator));
    token = decoded.slice(separator + 1);
  }
  const result = sessions.authenticate(token);
  if ('problem' in result) return unauthorized(result.problem);
  if (claimedUserId !== undefined && claimedUserId !== result.caller.userId) return unauthorized('Token does not belong to this user');
  return { auth: result.caller };
}

function decodeBase64(text: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
