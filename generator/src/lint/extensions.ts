import { isCamelCaseName } from '../model/names.js';
import { isPaginationStyle, paginators } from '../model/pagination.js';

type Node = Record<string, unknown>;

interface ExtensionDefinition {
  /** Redocly node types the extension may appear on. */
  hosts: readonly string[];
  /** Why `value` is not acceptable on `node`, or undefined when it is. */
  check(value: unknown, node: Node): string | undefined;
}

const isPropertyName = (value: unknown): boolean => typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value);

/** Query serializers the runtime knows (`x-pbxkit-serializer`). */
export const serializers = ['json', 'kazoo-filter', 'gregorian-seconds'] as const;
const isSerializer = (value: unknown): value is (typeof serializers)[number] =>
  serializers.includes(value as (typeof serializers)[number]);

const isVariant = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  isCamelCaseName((value as Node).method) &&
  typeof (value as Node).accept === 'string' &&
  /^[a-z]+\/[a-z0-9.+*-]+(\s*;\s*[a-z-]+=[^;\s]+)*$/i.test((value as Node).accept as string) &&
  ((value as Node).query === undefined ||
    (typeof (value as Node).query === 'object' && Object.values((value as Node).query as Node).every((v) => typeof v === 'string')));

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
      isPropertyName(value)
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
    hosts: ['Parameter', 'Schema'],
    check: (value, node) => {
      if (!isSerializer(value)) return `must be one of ${serializers.join(', ')}`;
      // A schema has no `in`: there the mark only tells webhook receivers how to decode the field.
      if (node.in === undefined)
        return value === 'gregorian-seconds' && node.type === 'integer' ? undefined : 'on a schema must be gregorian-seconds, on an integer';
      return node.in === 'query' ? undefined : 'applies to query parameters only';
    },
  },
  'x-pbxkit-request-envelope': {
    hosts: ['Operation'],
    check: (value) =>
      isPropertyName(value) ? undefined : 'must name the property of the request body that wraps the data',
  },
  'x-pbxkit-client-option': {
    hosts: ['Parameter'],
    check: (value, node) => {
      if (!isCamelCaseName(value)) return 'must be the lowerCamelCase name of a client option';
      return node.in === 'path' ? undefined : 'applies to path parameters only';
    },
  },
  'x-pbxkit-variants': {
    hosts: ['Operation'],
    check: (value) =>
      Array.isArray(value) && value.length > 0 && value.every(isVariant)
        ? undefined
        : 'must be a non-empty list of { method: <lowerCamelCase name>, accept: <media type>, query?: { <name>: <string> } }',
  },
  'x-pbxkit-namespace': {
    hosts: ['Tag'],
    check: (value) => (isCamelCaseName(value) ? undefined : 'must be a lowerCamelCase client property name'),
  },
  'x-pbxkit-event-channel': {
    hosts: ['Operation'],
    check: (value) =>
      typeof value === 'string' && /^[a-z][a-z0-9]*$/.test(value)
        ? undefined
        : 'must be a lower-case identifier naming the socket channel (blackhole, websocketd)',
  },
  'x-pbxkit-idempotent': { hosts: ['Operation'], check: isBoolean },
  'x-pbxkit-merge-patch': { hosts: ['Operation'], check: isBoolean },
  'x-pbxkit-secret': {
    hosts: ['Parameter'],
    check: (value, node) =>
      isBoolean(value) ?? (node.in === 'path' || node.in === 'query' ? undefined : 'applies to path and query parameters only'),
  },
};
