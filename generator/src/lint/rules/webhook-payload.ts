import { isJsonMediaType } from '../../model/media-types.js';
import { child, entries, here, isObject, type Json, type Rule } from '../located.js';

/** Each webhook (key = event name) is a `post` whose JSON request body schema is the event payload. */
export const webhookPayload: Rule = () => ({
  WebhooksMap: {
    PathItem: {
      enter(pathItem: Json, ctx) {
        const post = child(ctx, here(ctx, pathItem), 'post');
        const body = post && child(ctx, post, 'requestBody');
        const json = body ? entries(ctx, body, 'content').filter(([mediaType]) => isJsonMediaType(mediaType)) : [];
        if (json.length !== 1 || !isObject(json[0]![1].node.schema))
          ctx.report({
            message: 'a webhook needs a post operation with one JSON request body schema (the event payload)',
            location: (body ?? post)?.location ?? ctx.location.key(),
          });
      },
    },
  },
});
