import type { Location } from '@redocly/openapi-core/lib/ref-utils.js';
import type { Json, Rule } from '../located.js';

/**
 * A rule reporting operations that share a key with an earlier one, pointing at the duplicate's field
 * and naming where the first one is.
 */
function uniqueBy(field: string, keyOf: (operation: Json) => string | undefined, describe: (key: string) => string): Rule {
  return () => {
    const seen = new Map<string, Location>();
    return {
      Paths: {
        Operation: {
          enter(operation: Json, ctx) {
            const key = keyOf(operation);
            if (key === undefined) return;
            const location = ctx.location.child([field]);
            const first = seen.get(key);
            if (first) ctx.report({ message: `${describe(key)} is already used at ${first.pointer}`, location });
            else seen.set(key, location);
          },
        },
      },
    };
  };
}

/** operationIds name the types in schema.ts and the test handlers: they must be unique. */
export const uniqueOperationIds = uniqueBy(
  'operationId',
  (operation) => (typeof operation.operationId === 'string' ? operation.operationId : undefined),
  (operationId) => `operationId "${operationId}"`,
);

/** Two operations of one tag cannot share a method name: they would be the same resource property. */
export const uniqueMethods = uniqueBy(
  'x-pbxkit-method',
  (operation) => {
    const tag = Array.isArray(operation.tags) ? operation.tags[0] : undefined;
    const method = operation['x-pbxkit-method'];
    return typeof tag === 'string' && typeof method === 'string' ? `${tag}.${method}` : undefined;
  },
  (key) => `x-pbxkit-method "${key.split('.')[1]}" of tag "${key.split('.')[0]}"`,
);
