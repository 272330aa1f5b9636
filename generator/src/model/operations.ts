import { pointerOf, type Problem } from '../problems.js';
import { deref, isObject, stringOf, type Json } from './document.js';
import { isJsonMediaType } from './media-types.js';
import { isPaginationStyle } from './pagination.js';
import { parameterFacts, parametersOf } from './parameters.js';
import { parseAsFor, propertiesOf, requiredOf, successResponse, successSchema } from './responses.js';
import type { HttpMethod, OperationModel, VariantModel } from './types.js';

/** HTTP methods in the order operations of one path are listed. */
const httpMethods: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export interface OperationsResult {
  operations: OperationModel[];
  problems: Problem[];
}

/** One model per operation under `paths`, in path order then HTTP method order. */
export function buildOperations(document: Json, specFile: string): OperationsResult {
  const operations: OperationModel[] = [];
  const problems: Problem[] = [];
  const paths = isObject(document.paths) ? document.paths : {};

  for (const path of Object.keys(paths).sort()) {
    const pathItem = deref(document, paths[path]) ?? {};
    for (const httpMethod of httpMethods) {
      const operation = deref(document, pathItem[httpMethod.toLowerCase()]);
      if (!operation) continue;
      const pointer = pointerOf(['paths', path, httpMethod.toLowerCase()]);
      const report = (field: string, message: string) =>
        problems.push({ file: specFile, pointer: `${pointer}/${field}`, message, severity: 'error' });
      const model = buildOperation(document, path, httpMethod, pathItem, operation);
      checkEnvelope(document, operation, model, report);
      operations.push(model);
    }
  }
  return { operations, problems };
}

function buildOperation(document: Json, path: string, httpMethod: HttpMethod, pathItem: Json, operation: Json): OperationModel {
  const success = successResponse(document, operation);
  const pagination = operation['x-pbxkit-pagination'];
  const docs = deref(document, operation.externalDocs);
  return {
    operationId: String(operation.operationId),
    resource: String((operation.tags as unknown[])[0]),
    method: String(operation['x-pbxkit-method']),
    httpMethod,
    path,
    summary: String(operation.summary).trim(),
    description: String(operation.description).trim(),
    docsUrl: stringOf(docs?.url),
    deprecated: operation.deprecated === true,
    envelope: stringOf(operation['x-pbxkit-envelope']),
    pagination: isPaginationStyle(pagination) ? pagination : undefined,
    parseAs: parseAsFor(success.mediaType),
    success,
    ...parameterFacts(parametersOf(document, pathItem, operation)),
    requestEnvelope: stringOf(operation['x-pbxkit-request-envelope']),
    form: requestMediaTypes(document, operation).includes('multipart/form-data'),
    mergePatch: operation['x-pbxkit-merge-patch'] === true,
    contentType: rawBodyType(requestMediaTypes(document, operation)),
    variants: variantsOf(operation),
    idempotent: operation['x-pbxkit-idempotent'] === true,
    anonymous: takesNoClientToken(document, operation),
  };
}

/**
 * The operation does not use the client's token: `security: []`, or only requirements that name none of
 * the document's default schemes (Wazo's `POST /token` takes Basic credentials or nothing).
 */
function takesNoClientToken(document: Json, operation: Json): boolean {
  if (!Array.isArray(operation.security)) return false;
  const defaults = new Set((Array.isArray(document.security) ? document.security : []).flatMap((requirement) => (isObject(requirement) ? Object.keys(requirement) : [])));
  return operation.security.every((requirement) => !isObject(requirement) || Object.keys(requirement).every((scheme) => !defaults.has(scheme)));
}

function requestMediaTypes(document: Json, operation: Json): string[] {
  const content = deref(document, operation.requestBody)?.content;
  return isObject(content) ? Object.keys(content).map((type) => type.split(';')[0]!.trim().toLowerCase()) : [];
}

/** The media type of a body sent as it is (text, bytes): the first declared, when none is JSON or a form. */
function rawBodyType(types: string[]): string | undefined {
  if (types.some((type) => isJsonMediaType(type) || type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded')) return undefined;
  return types[0];
}

function variantsOf(operation: Json): VariantModel[] {
  const variants = Array.isArray(operation['x-pbxkit-variants']) ? (operation['x-pbxkit-variants'] as Json[]) : [];
  return variants.map((variant) => ({
    method: String(variant.method),
    accept: String(variant.accept),
    parseAs: parseAsFor(String(variant.accept)),
    query: isObject(variant.query) ? Object.fromEntries(Object.entries(variant.query).map(([name, value]) => [name, String(value)])) : {},
  }));
}

/** The envelope must be a required property of the success body; a paged envelope must be an array. */
function checkEnvelope(
  document: Json,
  operation: Json,
  model: OperationModel,
  report: (field: string, message: string) => void,
): void {
  if (model.envelope === undefined) return;
  if (model.parseAs !== 'json') {
    report('x-pbxkit-envelope', `the ${model.success.status} response is not JSON, so it has no envelope`);
    return;
  }
  const schema = successSchema(document, operation, model.success);
  const property = propertiesOf(document, schema).get(model.envelope);
  if (!property) {
    report('x-pbxkit-envelope', `"${model.envelope}" is not a property of the ${model.success.status} response body`);
    return;
  }
  if (!requiredOf(document, schema).has(model.envelope))
    report('x-pbxkit-envelope', `"${model.envelope}" must be required in the ${model.success.status} response body`);
  const type = deref(document, property)?.type;
  const isArray = type === 'array' || (Array.isArray(type) && type.includes('array'));
  if (model.pagination !== undefined && !isArray)
    report('x-pbxkit-pagination', `the envelope property "${model.envelope}" must be an array to page over it`);
}
