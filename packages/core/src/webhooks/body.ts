import { WebhookRequestError } from './errors.js';

/** The default `maxBodyBytes`: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Pulls the next chunk of a body, `undefined` at its end. */
export type ChunkReader = () => Promise<Uint8Array | undefined>;

const tooLarge = (maxBytes: number) => new WebhookRequestError(413, `webhook body is larger than ${maxBytes} bytes`);

/** Refuses a declared `Content-Length` over the limit before anything is read. */
export function assertDeclaredLength(contentLength: string | null, maxBytes: number): void {
  if (contentLength !== null && Number(contentLength) > maxBytes) throw tooLarge(maxBytes);
}

/**
 * Reads a whole body, pulling chunks until the end or until one crosses `maxBytes`, where it stops
 * pulling and throws `WebhookRequestError` (413); the caller then drops the rest of the stream.
 */
export async function readLimited(next: ChunkReader, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await next(); chunk !== undefined; chunk = await next()) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
