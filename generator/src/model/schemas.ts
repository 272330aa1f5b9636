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
    const values = stringEnumValues(node);
    byAlias.set(alias, { schema, alias, description: stringOf(node.description), ...(values && { values }) });
  }
  return { schemas: [...byAlias.values()].sort(byKey((entry) => entry.alias)), problems };
}

/** The values of a schema that is nothing but an enum of strings (`type: string` or no type). */
function stringEnumValues(node: Json): string[] | undefined {
  const values = node.enum;
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'string')) return undefined;
  return node.type === undefined || node.type === 'string' ? (values as string[]) : undefined;
}
