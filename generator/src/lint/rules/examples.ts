import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { isJsonMediaType } from '../../model/media-types.js';
import { child, entries, here, isObject, items, type Json, type Located, type Rule } from '../located.js';

const hasExample = (node: Json): boolean =>
  node.example !== undefined || (isObject(node.examples) && Object.keys(node.examples).length > 0);

/**
 * The examples the generated test handlers, docs and wire tests are built from: every path parameter,
 * every required query parameter, every JSON request and response body, and every webhook payload.
 */
export const examples: Rule = () => {
  function checkParameters(ctx: UserContext, holder: Located) {
    for (const parameter of items(ctx, holder, 'parameters')) {
      const { node } = parameter;
      const needsExample = node.in === 'path' || (node.in === 'query' && node.required === true);
      if (needsExample && !hasExample(node))
        ctx.report({
          message: `${String(node.in)} parameter "${String(node.name)}" has no example`,
          location: parameter.location,
        });
    }
  }

  function checkJsonContent(ctx: UserContext, holder: Located, what: string) {
    for (const [mediaType, media] of entries(ctx, holder, 'content')) {
      if (isJsonMediaType(mediaType) && !hasExample(media.node))
        ctx.report({ message: `${what} (${mediaType}) has no example`, location: media.location });
    }
  }

  return {
    Paths: {
      PathItem: {
        enter(pathItem: Json, ctx) {
          checkParameters(ctx, here(ctx, pathItem));
        },
      },
      Operation: {
        enter(operation: Json, ctx) {
          const located = here(ctx, operation);
          checkParameters(ctx, located);
          const requestBody = child(ctx, located, 'requestBody');
          if (requestBody) checkJsonContent(ctx, requestBody, 'request body');
          for (const [status, response] of entries(ctx, located, 'responses'))
            checkJsonContent(ctx, response, `response ${status}`);
        },
      },
    },
    // The example payload is what the simulators send and the receivers' tests decode.
    WebhooksMap: {
      Operation: {
        enter(operation: Json, ctx) {
          const requestBody = child(ctx, here(ctx, operation), 'requestBody');
          if (requestBody) checkJsonContent(ctx, requestBody, 'event payload');
        },
      },
    },
  };
};
