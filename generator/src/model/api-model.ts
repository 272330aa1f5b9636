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

/** The path of a server URL (`https://{host}/api/calld/1.0` → `/api/calld/1.0`), without a trailing slash. */
export const serverPath = (url: string | undefined): string =>
  (url ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');

/**
 * A namespaced spec (one of several of a platform): its operations sit flat on the namespace, or on the
 * namespace its tag names (`x-pbxkit-namespace`), and their paths start with the server's path, since all
 * the platform's specs share one base URL.
 */
function namespaceOperations(document: Json, operations: OperationModel[], namespace: string, specFile: string): Problem[] {
  const tagNamespaces = new Map<string, string>();
  if (Array.isArray(document.tags))
    for (const tag of document.tags)
      if (isObject(tag) && typeof tag['x-pbxkit-namespace'] === 'string') tagNamespaces.set(String(tag.name), tag['x-pbxkit-namespace']);
  const prefix = serverPath(isObject((document.servers as Json[] | undefined)?.[0]) ? stringOf((document.servers as Json[])[0]!.url) : undefined);
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const operation of operations) {
    operation.resource = tagNamespaces.get(operation.resource) ?? namespace;
    operation.path = `${prefix}${operation.path}`;
    const key = `${operation.resource}.${operation.method}`;
    const other = seen.get(key);
    if (other)
      problems.push({ file: specFile, pointer: '', message: `operations ${other} and ${operation.operationId} are both \`${key}\``, severity: 'error' });
    seen.set(key, operation.operationId);
  }
  return problems;
}

/** False for a spec of events only (no paths): it gets no client, test handlers or operation index. */
export const hasOperations = (api: ApiModel): boolean => api.resources.length > 0;

/** Builds the emitters' view of a validated, bundled spec; a `namespace` groups it as one of several specs. */
export function buildApiModel(bundled: Json, specFile: string, namespace?: string): ApiModelResult {
  const document = normalizeDocument(bundled);
  const info = isObject(document.info) ? document.info : {};
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const { operations, problems: operationProblems } = buildOperations(document, specFile);
  if (namespace !== undefined) operationProblems.push(...namespaceOperations(document, operations, namespace, specFile));
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
