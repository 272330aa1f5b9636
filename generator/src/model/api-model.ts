import type { Problem } from '../problems.js';
import { deref, isObject, stringOf, type Json } from './document.js';
import { pascalCase } from './names.js';
import { normalizeDocument } from './normalize.js';
import { buildOperations } from './operations.js';
import { buildSchemaAliases } from './schemas.js';
import type { ApiModel, OperationModel, ResourceModel } from './types.js';
import { buildWebhooks } from './webhooks.js';

export interface ApiModelResult {
  model: ApiModel;
  problems: Problem[];
}

function groupResources(document: Json, operations: readonly OperationModel[]): ResourceModel[] {
  const tags = new Map<string, Json>();
  if (Array.isArray(document.tags))
    for (const tag of document.tags) if (isObject(tag) && typeof tag.name === 'string') tags.set(tag.name, tag);

  const names = [...new Set(operations.map((operation) => operation.resource))].sort();
  return names.map((name) => {
    const tag = tags.get(name);
    return {
      name,
      interfaceName: `${pascalCase(name)}Resource`,
      description: stringOf(tag?.description),
      docsUrl: stringOf(deref(document, tag?.externalDocs)?.url),
      operations: operations.filter((operation) => operation.resource === name),
    };
  });
}

/** Builds the emitters' view of a validated, bundled spec. */
export function buildApiModel(bundled: Json, specFile: string): ApiModelResult {
  const document = normalizeDocument(bundled);
  const info = isObject(document.info) ? document.info : {};
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const { operations, problems: operationProblems } = buildOperations(document, specFile);
  const { schemas, problems: schemaProblems } = buildSchemaAliases(document, specFile);
  return {
    model: {
      specFile,
      title: String(info.title ?? ''),
      version: String(info.version ?? ''),
      serverUrl: isObject(servers[0]) ? stringOf(servers[0].url) : undefined,
      document,
      resources: groupResources(document, operations),
      webhooks: buildWebhooks(document),
      schemas,
    },
    problems: [...operationProblems, ...schemaProblems],
  };
}
