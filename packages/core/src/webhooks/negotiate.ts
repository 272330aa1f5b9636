import { WebhookRequestError } from './errors.js';

/** How a webhook's payload arrived: a GET's query string, a form body, or a JSON body. */
export type WebhookFormat = 'query' | 'form' | 'json';

/** What a receiver takes: its methods (upper-case) and its body formats. */
export interface WebhookAccepts {
  methods: readonly ('GET' | 'POST' | 'PUT')[];
  bodyFormats: readonly ('form' | 'json')[];
}

const mediaTypes: Record<'form' | 'json', string> = { form: 'application/x-www-form-urlencoded', json: 'application/json' };
const utf8Charsets = new Set(['utf-8', 'utf8', 'us-ascii']);

/** Refuses a method the receiver does not take, with the `Allow` list. */
export function assertMethod(method: string, accepts: WebhookAccepts): void {
  if (!(accepts.methods as readonly string[]).includes(method))
    throw new WebhookRequestError(405, `webhook method ${method} is not allowed; use ${accepts.methods.join(', ')}`, accepts.methods);
}

function formatOf(essence: string): 'form' | 'json' | undefined {
  if (essence === mediaTypes.form) return 'form';
  if (essence === mediaTypes.json || /^[\w.!#$&^-]+\/[\w.!#$&^+-]+\+json$/.test(essence)) return 'json';
  return undefined;
}

/**
 * The format of a body from its `Content-Type` (a charset other than UTF-8 is refused), or a 415 naming the
 * types the receiver takes.
 */
export function bodyFormat(contentType: string | null, accepts: WebhookAccepts): 'form' | 'json' {
  const [essence = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const format = formatOf(essence);
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (format && accepts.bodyFormats.includes(format) && (charset === undefined || utf8Charsets.has(charset))) return format;
  const wanted = accepts.bodyFormats.map((name) => mediaTypes[name]).join(' or ');
  throw new WebhookRequestError(415, `webhook body must be ${wanted} (UTF-8)`);
}
