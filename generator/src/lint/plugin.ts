import type { Plugin } from '@redocly/openapi-core/lib/config/types.js';
import type { Oas3RuleSet } from '@redocly/openapi-core/lib/oas-types.js';
import { examples } from './rules/examples.js';
import { knownExtensions } from './rules/extensions.js';
import { operationFields } from './rules/operation-fields.js';
import { typedErrorResponse, typedSuccessResponse } from './rules/typed-responses.js';
import { uniqueMethods, uniqueOperationIds } from './rules/uniqueness.js';
import { webhookPayload } from './rules/webhook-payload.js';

const rules = {
  'operation-fields': operationFields,
  'unique-operation-id': uniqueOperationIds,
  'unique-method-per-tag': uniqueMethods,
  'typed-success-response': typedSuccessResponse,
  'typed-error-response': typedErrorResponse,
  examples,
  extensions: knownExtensions,
  'webhook-payload': webhookPayload,
};

/**
 * The pbxkit rules as a Redocly plugin, so that they report the file and pointer even across $refs.
 * They read nodes as plain JSON, looser than Redocly's visitor types, hence the one cast.
 */
export const pbxkitPlugin: Plugin = { id: 'pbxkit', rules: { oas3: rules as unknown as Oas3RuleSet } };

/** Every pbxkit rule, each an error. */
export const pbxkitRules = Object.fromEntries(Object.keys(rules).map((name) => [`pbxkit/${name}`, 'error' as const]));
