/** `application/json; charset=utf-8` → `application/json`. */
export function essence(contentType: string | null | undefined): string | undefined {
  const value = contentType?.split(';')[0]?.trim().toLowerCase();
  return value ? value : undefined;
}

export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && (mediaType === 'application/json' || mediaType.endsWith('+json'));
}

/** The declared media type (keys of an OpenAPI `content` map) that covers the given one, if any. */
export function findDeclaredMediaType(declared: readonly string[], actual: string): string | undefined {
  const [type] = actual.split('/');
  return (
    declared.find((candidate) => candidate.toLowerCase() === actual) ??
    declared.find((candidate) => candidate.toLowerCase() === `${type}/*`) ??
    declared.find((candidate) => candidate === '*/*')
  );
}
