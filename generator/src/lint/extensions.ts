import { isCamelCaseName } from '../model/names.js';
import { isPaginationStyle, paginators } from '../model/pagination.js';

type Node = Record<string, unknown>;

interface ExtensionDefinition {
  /** Redocly node types the extension may appear on. */
  hosts: readonly string[];
  /** Why `value` is not acceptable on `node`, or undefined when it is. */
  check(value: unknown, node: Node): string | undefined;
}

const isBoolean = (value: unknown): string | undefined =>
  typeof value === 'boolean' ? undefined : 'must be true or false';

/** Every `x-pbxkit-*` extension the generator understands (documented in generator/README.md). */
export const extensions: Record<string, ExtensionDefinition> = {
  'x-pbxkit-method': {
    hosts: ['Operation'],
    check: (value) =>
      isCamelCaseName(value) ? undefined : 'must be a lowerCamelCase method name',
  },
  'x-pbxkit-envelope': {
    hosts: ['Operation'],
    check: (value) =>
      typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)
        ? undefined
        : 'must name the property of the success body that holds the data',
  },
  'x-pbxkit-pagination': {
    hosts: ['Operation'],
    check: (value, node) => {
      if (!isPaginationStyle(value)) return `must be one of ${Object.keys(paginators).join(', ')}`;
      return node['x-pbxkit-envelope'] === undefined
        ? 'needs x-pbxkit-envelope on the same operation (the property that holds the items)'
        : undefined;
    },
  },
  'x-pbxkit-serializer': {
    hosts: ['Parameter'],
    check: (value, node) => {
      if (value !== 'json') return 'must be json';
      return node.in === 'query' ? undefined : 'applies to query parameters only';
    },
  },
  'x-pbxkit-idempotent': { hosts: ['Operation'], check: isBoolean },
  'x-pbxkit-secret': {
    hosts: ['Parameter'],
    check: (value, node) =>
      isBoolean(value) ?? (node.in === 'path' || node.in === 'query' ? undefined : 'applies to path and query parameters only'),
  },
};
