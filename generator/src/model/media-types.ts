/** `application/json`, `application/problem+json`, ... (parameters such as `; charset=utf-8` ignored). */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json');
}

export function isTextMediaType(mediaType: string): boolean {
  return mediaType.trim().toLowerCase().startsWith('text/');
}

/** Status codes of responses that carry no body by definition. */
export const bodylessStatuses = new Set(['204', '205', '304']);

export const isSuccessStatus = (status: string): boolean => /^2(\d\d|XX)$/.test(status);
export const isClientErrorStatus = (status: string): boolean => /^4(\d\d|XX)$/.test(status);
