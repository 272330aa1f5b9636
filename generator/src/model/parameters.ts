import { deref, isObject, type Json } from './document.js';

export interface ParameterFacts {
  /** Query parameter → serializer name (`x-pbxkit-serializer`), sorted by parameter. */
  serialize: Record<string, string>;
  /** Path parameter → client option that fills it (`x-pbxkit-client-option`), sorted by parameter. */
  defaults: Record<string, string>;
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

/** The parameter facts the runtime needs: serialized query values, client-option defaults and secret values. */
export function parameterFacts(parameters: readonly Json[]): ParameterFacts {
  const sorted = [...parameters].filter(isObject).sort((a, b) => String(a.name).localeCompare(String(b.name), 'en'));
  const byExtension = (extension: string) =>
    Object.fromEntries(sorted.filter((parameter) => typeof parameter[extension] === 'string').map((p) => [String(p.name), String(p[extension])]));
  return {
    serialize: byExtension('x-pbxkit-serializer'),
    defaults: byExtension('x-pbxkit-client-option'),
    secretParams: sorted.filter((parameter) => parameter['x-pbxkit-secret'] === true).map((parameter) => String(parameter.name)),
  };
}
