import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { bodylessStatuses, isClientErrorStatus, isSuccessStatus } from '../../model/media-types.js';
import { entries, here, isObject, type Json, type Located, type Rule } from '../located.js';

/** A response is typed when it declares content and every media type of it has a schema. */
function isTyped(ctx: UserContext, response: Located): boolean {
  const content = entries(ctx, response, 'content');
  return content.length > 0 && content.every(([, mediaType]) => isObject(mediaType.node.schema));
}

function responsesOf(ctx: UserContext, operation: Json, matches: (status: string) => boolean) {
  return entries(ctx, here(ctx, operation), 'responses').filter(([status]) => matches(status));
}

/** Every operation declares a 2xx response, each with a schema (or a status that has no body, e.g. 204). */
export const typedSuccessResponse: Rule = () => ({
  Paths: {
    Operation: {
      enter(operation: Json, ctx) {
        const successes = responsesOf(ctx, operation, isSuccessStatus);
        if (successes.length === 0) {
          ctx.report({ message: 'operation has no 2xx response', location: ctx.location.key() });
          return;
        }
        for (const [status, response] of successes) {
          if (!bodylessStatuses.has(status) && !isTyped(ctx, response))
            ctx.report({
              message: `response ${status} has no typed body (content with a schema for every media type)`,
              location: response.location,
            });
        }
      },
    },
  },
});

/** Every operation declares at least one 4xx response with a schema, so errors carry a typed body. */
export const typedErrorResponse: Rule = () => ({
  Paths: {
    Operation: {
      enter(operation: Json, ctx) {
        const errors = responsesOf(ctx, operation, isClientErrorStatus);
        if (errors.length === 0)
          ctx.report({ message: 'operation has no 4xx response', location: ctx.location.key() });
        else if (!errors.some(([, response]) => isTyped(ctx, response)))
          ctx.report({
            message: 'no 4xx response of the operation has a typed body',
            location: ctx.location.child(['responses']),
          });
      },
    },
  },
});
