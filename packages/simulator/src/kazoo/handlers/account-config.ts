import { clientFields, isJsonObject, mergePatch, type Json } from '../documents.js';
import { accountIdOf, dataOf, reply, type Deps, type Routes } from './common.js';

/** Per-account settings documents: metaflows (in-call feature codes) and the token restrictions template. */
export function accountConfigRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const notAnObject = (field: string) => ({ [field]: { type: { message: 'Value did not match type(s): object', target: 'object' } } });

  return {
    'GET /accounts/{account_id}/metaflows': (context) => reply(deps, context, 200, store.metaflows.get(accountIdOf(context)) ?? {}),
    'POST /accounts/{account_id}/metaflows': (context) => {
      const data = clientFields(dataOf(context));
      const invalid = ['numbers', 'patterns'].find((key) => data[key] !== undefined && !isJsonObject(data[key]));
      if (invalid) return envelopes.validation(context.request, notAnObject(invalid));
      store.metaflows.set(accountIdOf(context), data);
      return reply(deps, context, 200, data);
    },
    'DELETE /accounts/{account_id}/metaflows': (context) => {
      const previous = store.metaflows.get(accountIdOf(context)) ?? {};
      store.metaflows.delete(accountIdOf(context));
      return reply(deps, context, 200, previous);
    },

    // Tokens issued afterwards carry the matching slice of the template (see restrictions.ts).
    'GET /accounts/{account_id}/token_restrictions': (context) => {
      const template = store.tokenRestrictions.get(accountIdOf(context));
      return template ? reply(deps, context, 200, restrictionsView(template)) : envelopes.badIdentifier(context.request, 'token_restrictions');
    },
    'POST /accounts/{account_id}/token_restrictions': (context) => {
      const data = clientFields(dataOf(context));
      if (data.restrictions !== undefined && !isJsonObject(data.restrictions)) return envelopes.validation(context.request, notAnObject('restrictions'));
      const merged = mergePatch(store.tokenRestrictions.get(accountIdOf(context)) ?? {}, data);
      store.tokenRestrictions.set(accountIdOf(context), merged);
      return reply(deps, context, 200, restrictionsView(merged));
    },
    'DELETE /accounts/{account_id}/token_restrictions': (context) => {
      const template = store.tokenRestrictions.get(accountIdOf(context));
      if (!template) return envelopes.badIdentifier(context.request, 'token_restrictions');
      store.tokenRestrictions.delete(accountIdOf(context));
      return reply(deps, context, 200, restrictionsView(template));
    },
  };
}

const restrictionsView = (template: Json): Json => ({ id: 'token_restrictions', ...template });
