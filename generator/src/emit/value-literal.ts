import { propertyKey, quote } from '../model/names.js';

const maxInlineWidth = 80;

/**
 * A JSON value as a TypeScript expression in the house style: single quotes, bare keys where possible,
 * on one line when short and one entry per line otherwise.
 */
export function valueLiteral(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? quote(value) : JSON.stringify(value) ?? 'undefined';
  const inner = `${indent}  `;
  const parts = Array.isArray(value)
    ? value.map((item) => valueLiteral(item, inner))
    : Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${valueLiteral(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (parts.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const inline = `${open}${parts.join(', ')}${close}`;
  if (inline.length + indent.length <= maxInlineWidth && !inline.includes('\n')) return inline;
  return `${open.trim()}\n${parts.map((part) => `${inner}${part},`).join('\n')}\n${indent}${close.trim()}`;
}
