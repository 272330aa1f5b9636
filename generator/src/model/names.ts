const reservedWords = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await'
  ).split(' '),
);

/** A lowerCamelCase name, usable as a property name (`delete` included). */
export function isCamelCaseName(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][A-Za-z0-9]*$/.test(value);
}

/** A lowerCamelCase name usable as a variable or function name too (a tag names a resource factory). */
export function isCamelCaseIdentifier(value: unknown): value is string {
  return isCamelCaseName(value) && !reservedWords.has(value);
}

export function isIdentifier(value: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(value) && !reservedWords.has(value);
}

/** `apiTokens` → `ApiTokens`, `call-record.v2` → `CallRecordV2`. */
export function pascalCase(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** A property key as written in TypeScript: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

/** A single-quoted TypeScript string literal. */
export function quote(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u001f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}
