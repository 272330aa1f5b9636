import { deref, isObject, type Json } from './document.js';

export interface ParameterFacts {
  jsonQuery: string[];
  secretParams: string[];
}

/** Path-item parameters overridden by the operation's own (same `name` and `in`), $refs followed. */
export function parametersOf(document: Json, pathItem: Json, operation: Json): Json[] {
  const byKey = new Map<string, Json>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = deref(document, entry);
      if (parameter) byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
    }
  }
  return [...byKey.values()];
}

/** The parameter facts the runtime needs: JSON-serialised query values and secret values. */
export function parameterFacts(parameters: readonly Json[]): ParameterFacts {
  const names = (keep: (parameter: Json) => boolean) =>
    parameters.filter((parameter) => isObject(parameter) && keep(parameter)).map((parameter) => String(parameter.name)).sort();
  return {
    jsonQuery: names((parameter) => parameter.in === 'query' && parameter['x-pbxkit-serializer'] === 'json'),
    secretParams: names((parameter) => parameter['x-pbxkit-secret'] === true),
  };
}
