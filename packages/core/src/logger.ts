export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Any object with some of these methods, e.g. `console`. Messages arrive already redacted. */
export type Logger = { [L in Exclude<LogLevel, 'off'>]?: (message: string) => void };

/** Writes `message()` (evaluated only when the level is enabled) through the redaction filter. */
export type Log = (level: Exclude<LogLevel, 'off'>, message: () => string) => void;

const levels = ['debug', 'info', 'warn', 'error', 'off'];

export function createLog(logger: Logger | undefined, level: LogLevel = 'warn', redact: (text: string) => string): Log {
  const min = levels.indexOf(level);
  return (at, message) => {
    if (logger?.[at] && levels.indexOf(at) >= min) logger[at](redact(message()));
  };
}

/** Header names and JSON keys whose values are credentials. */
const secretName = /token|password|secret|api[-_]?key|credential|authorization|cookie/i;
const hidden = '[REDACTED]';

/** A `JSON.stringify` replacer that hides the values of secret-looking keys, however deep. */
export const hideSecrets = (key: string, value: unknown): unknown => (secretName.test(key) ? hidden : value);

/** `text` with every known secret value (raw or URL-encoded) hidden. Values under 4 characters are ignored. */
export function scrub(text: string, secrets: Iterable<string | undefined>): string {
  for (const secret of secrets) {
    if (secret && secret.length > 3) {
      text = text.replaceAll(secret, hidden).replaceAll(encodeURIComponent(secret), hidden);
    }
  }
  return text;
}

/** A request for a debug log line: headers and JSON body with credentials hidden (other bodies by size). */
export function describeRequest(headers: Headers, body: BodyInit | undefined): string {
  let text = JSON.stringify(Object.fromEntries(headers), hideSecrets);
  try {
    // JSON bodies are shown with secrets hidden; others only by their presence.
    if (body) text += ` ${typeof body === 'string' ? JSON.stringify(JSON.parse(body), hideSecrets) : '[binary]'}`;
  } catch {
    text += ' [text]';
  }
  return text;
}
