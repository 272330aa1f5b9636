/** Code-unit order: the same on every machine, unlike `localeCompare`. */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    byString(key(a), key(b));
