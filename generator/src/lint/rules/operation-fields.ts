import { isCamelCaseIdentifier, isCamelCaseName } from '../../model/names.js';
import type { Json, Rule } from '../located.js';

/**
 * What every operation needs so the generator can name and document its method: an operationId, exactly
 * one tag (the resource), a summary and a description, and `x-pbxkit-method` (the method name).
 */
export const operationFields: Rule = () => ({
  Paths: {
    Operation: {
      enter(operation: Json, ctx) {
        const missing = (field: string, what: string) =>
          ctx.report({ message: `operation has no ${field} (${what})`, location: ctx.location.key() });

        if (operation.operationId === undefined) missing('operationId', 'it names the type and the test handler');
        else if (!isCamelCaseName(operation.operationId))
          ctx.report({
            message: 'operationId must be a lowerCamelCase identifier',
            location: ctx.location.child(['operationId']),
          });

        const tags = operation.tags;
        if (!Array.isArray(tags) || tags.length !== 1)
          ctx.report({
            message: `operation must have exactly one tag (its resource), found ${Array.isArray(tags) ? tags.length : 0}`,
            location: Array.isArray(tags) ? ctx.location.child(['tags']) : ctx.location.key(),
          });
        else if (!isCamelCaseIdentifier(tags[0]))
          ctx.report({
            message: 'the tag names the client property and the resource factory: it must be a lowerCamelCase identifier',
            location: ctx.location.child(['tags', 0]),
          });

        if (typeof operation.summary !== 'string' || operation.summary.trim() === '')
          missing('summary', 'the first line of the method documentation');
        if (typeof operation.description !== 'string' || operation.description.trim() === '')
          missing('description', 'the body of the method documentation');
        if (operation['x-pbxkit-method'] === undefined) missing('x-pbxkit-method', 'the method name on the resource');
        if (operation['x-pbxkit-event-channel'] !== undefined)
          ctx.report({
            message: 'x-pbxkit-event-channel belongs on a webhook, not on an operation under paths',
            location: ctx.location.child(['x-pbxkit-event-channel']).key(),
          });
      },
    },
  },
});
