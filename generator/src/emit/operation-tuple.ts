import { quote } from '../model/names.js';
import { paginators } from '../model/pagination.js';
import type { OperationModel, VariantModel } from '../model/types.js';

const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;
const record = (entries: Record<string, string>) =>
  `{ ${Object.entries(entries)
    .map(([key, value]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${quote(value)}`)
    .join(', ')} }`;

/** The paginator export of @pbxkit/core an operation uses, if any. */
export function paginatorOf(operation: OperationModel): string | undefined {
  return operation.pagination && paginators[operation.pagination];
}

/** Options every method of the operation shares, variants included: how to send the request. */
function requestOptions(operation: OperationModel): string[] {
  const options: string[] = [];
  if (Object.keys(operation.serialize).length > 0) options.push(`serialize: ${record(operation.serialize)}`);
  if (Object.keys(operation.defaults).length > 0) options.push(`defaults: ${record(operation.defaults)}`);
  if (operation.requestEnvelope) options.push(`requestEnvelope: ${quote(operation.requestEnvelope)}`);
  if (operation.form) options.push('form: true');
  if (operation.contentType) options.push(`contentType: ${quote(operation.contentType)}`);
  if (operation.idempotent) options.push('idempotent: true');
  if (operation.anonymous) options.push('anonymous: true');
  if (operation.secretParams.length > 0) options.push(`secretParams: ${list(operation.secretParams)}`);
  return options;
}

function tuple(operation: OperationModel, options: string[]): string {
  const head = `${quote(operation.httpMethod)}, ${quote(operation.path)}`;
  return options.length > 0 ? `[${head}, { ${options.join(', ')} }]` : `[${head}]`;
}

/** `['GET', '/cdrs', { envelope: 'data', paging: pageNumberPaging }]`: the OperationTuple source text. */
export function operationTuple(operation: OperationModel): string {
  const options: string[] = [];
  if (operation.envelope) options.push(`envelope: ${quote(operation.envelope)}`);
  const paginator = paginatorOf(operation);
  if (paginator) options.push(`paging: ${paginator}`);
  if (operation.parseAs !== 'json') options.push(`parseAs: ${quote(operation.parseAs)}`);
  return tuple(operation, [...options, ...requestOptions(operation)]);
}

/** The tuple of a variant: the operation's request, another `Accept`, the body read as a Blob or text. */
export function variantTuple(operation: OperationModel, variant: VariantModel): string {
  const options = [`accept: ${quote(variant.accept)}`];
  if (Object.keys(variant.query).length > 0) options.push(`query: ${record(variant.query)}`);
  if (variant.parseAs !== 'json') options.push(`parseAs: ${quote(variant.parseAs)}`);
  return tuple(operation, [...options, ...requestOptions(operation)]);
}

/** `WrappedBody<WithDefaults<operations['createUser'], 'account_id'>, 'data'>`: the operation as callers see it. */
export function callerOperation(operation: OperationModel): string {
  let type = `operations[${quote(operation.operationId)}]`;
  const defaults = Object.keys(operation.defaults);
  if (defaults.length > 0) type = `WithDefaults<${type}, ${defaults.map(quote).join(' | ')}>`;
  if (operation.requestEnvelope) type = `WrappedBody<${type}, ${quote(operation.requestEnvelope)}>`;
  if (operation.mergePatch) type = `MergePatch<${type}>`;
  return type;
}

/** Core type names the operation's method types use. */
export function operationTypeNames(operation: OperationModel): string[] {
  return [
    operation.pagination ? 'PagedOperation' : 'Operation',
    ...(Object.keys(operation.defaults).length > 0 ? ['WithDefaults'] : []),
    ...(operation.requestEnvelope ? ['WrappedBody'] : []),
    ...(operation.mergePatch ? ['MergePatch'] : []),
    ...(operation.variants.length > 0 ? ['VariantOperation'] : []),
  ];
}

/** `PagedOperation<operations['listCdrs'], 'data'>`: the method's type. */
export function operationType(operation: OperationModel): string {
  const kind = operation.pagination ? 'PagedOperation' : 'Operation';
  const envelope = operation.envelope ? `, ${quote(operation.envelope)}` : '';
  return `${kind}<${callerOperation(operation)}${envelope}>`;
}

/** `VariantOperation<operations['listCdrs'], string>`: a variant method's type. */
export function variantType(operation: OperationModel, variant: VariantModel): string {
  return `VariantOperation<${callerOperation(operation)}, ${variant.parseAs === 'text' ? 'string' : variant.parseAs === 'blob' ? 'Blob' : 'unknown'}>`;
}
