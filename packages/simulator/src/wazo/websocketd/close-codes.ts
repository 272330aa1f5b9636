/** wazo-websocketd's close codes and the reasons it gives with them. */
export const CLOSE = {
  noToken: { code: 4001, reason: 'no token' },
  authenticationFailed: { code: 4002, reason: 'authentication failed' },
  authenticationExpired: { code: 4003, reason: 'authentication expired' },
  protocolError: { code: 4004, reason: 'protocol error' },
} as const;

export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE];
