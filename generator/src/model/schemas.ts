import { pointerOf, type Problem } from '../problems.js';
import { isObject, mapOf, stringOf, type Json } from './document.js';
import { isIdentifier, pascalCase } from './names.js';
import { byKey } from './order.js';
import type { SchemaAlias } from './types.js';

/** A models.ts type name per component schema: the schema name itself when it is an identifier. */
export function buildSchemaAliases(document: Json, specFile: string): { schemas: SchemaAlias[]; problems: Problem[] } {
  const components = isObject(document.components) ? document.components : undefined;
  const problems: Problem[] = [];
  const byAlias = new Map<string, SchemaAlias>();
  for (const [schema, node] of mapOf(document, components, 'schemas')) {
    const alias = isIdentifier(schema) && /^[A-Z]/.test(schema) ? schema : pascalCase(schema);
    const clash = byAlias.get(alias);
    if (clash || !isIdentifier(alias)) {
      problems.push({
        file: specFile,
        pointer: pointerOf(['components', 'schemas', schema]),
        message: clash
          ? `schema name maps to the type name ${alias}, as "${clash.schema}" does`
          : `schema name cannot be turned into a type name`,
        severity: 'error',
      });
      continue;
    }
    byAlias.set(alias, { schema, alias, description: stringOf(node.description) });
  }
  return { schemas: [...byAlias.values()].sort(byKey((entry) => entry.alias)), problems };
}
