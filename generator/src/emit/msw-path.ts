const parameter = /\{[^}]+\}/g;

/** An OpenAPI path template in msw's syntax: `/monitors/{id}.mp3` → `/monitors/:id.mp3`. */
export function toMswPath(template: string): string {
  return template.replace(parameter, (name) => `:${name.slice(1, -1)}`);
}

/** Source of a RegExp literal (slashes escaped) matching exactly the paths the template describes. */
export function templatePattern(template: string): string {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return `^${template.split(parameter).map(literal).join('[^\\/]+')}$`;
}

const literalLength = (template: string) => template.replace(parameter, '').length;

/**
 * The templates that take precedence over `template` for some URL it matches: more literal text
 * (OpenAPI matches concrete paths before templated ones), and a URL of theirs fits `template`. msw's
 * `/monitors/:id` also matches `/monitors/7.mp3`; this is what the handler of `/monitors/{id}` must
 * leave to the handler of `/monitors/{id}.mp3`, whatever order the handlers are registered in.
 */
export function shadowingTemplates(template: string, all: readonly string[]): string[] {
  const pattern = new RegExp(templatePattern(template));
  return [...new Set(all)]
    .filter((other) => other !== template && literalLength(other) > literalLength(template))
    .filter((other) => pattern.test(other.replace(parameter, 'x')))
    .sort();
}
