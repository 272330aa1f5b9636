/** Matches request paths against OpenAPI path templates such as `/monitors/{id}.mp3`. */
export interface PathTemplate {
  template: string;
  /** Characters outside `{...}`: the more a template has, the more specific it is. */
  literalLength: number;
  match(path: string): Record<string, string> | undefined;
}

export function compilePathTemplate(template: string): PathTemplate {
  const names: string[] = [];
  let literalLength = 0;
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name !== undefined) {
        names.push(name);
        return '([^/]+?)';
      }
      literalLength += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return {
    template,
    literalLength,
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? '');
      });
      return params;
    },
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
