import { quote } from '../model/names.js';
import { paginators } from '../model/pagination.js';
import type { OperationModel } from '../model/types.js';

const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;

/** The paginator export of @pbxkit/core an operation uses, if any. */
export function paginatorOf(operation: OperationModel): string | undefined {
  return operation.pagination && paginators[operation.pagination];
}

/** `['GET', '/cdrs', { envelope: 'data', paging: pageNumberPaging }]`: the OperationTuple source text. */
export function operationTuple(operation: OperationModel): string {
  const options: string[] = [];
  if (operation.envelope) options.push(`envelope: ${quote(operation.envelope)}`);
  const paginator = paginatorOf(operation);
  if (paginator) options.push(`paging: ${paginator}`);
  if (operation.parseAs !== 'json') options.push(`parseAs: ${quote(operation.parseAs)}`);
  if (operation.jsonQuery.length > 0) options.push(`jsonQuery: ${list(operation.jsonQuery)}`);
  if (operation.idempotent) options.push('idempotent: true');
  if (operation.anonymous) options.push('anonymous: true');
  if (operation.secretParams.length > 0) options.push(`secretParams: ${list(operation.secretParams)}`);
  const head = `${quote(operation.httpMethod)}, ${quote(operation.path)}`;
  return options.length > 0 ? `[${head}, { ${options.join(', ')} }]` : `[${head}]`;
}

/** `PagedOperation<operations['listCdrs'], 'data'>`: the method's type. */
export function operationType(operation: OperationModel): string {
  const kind = operation.pagination ? 'PagedOperation' : 'Operation';
  const envelope = operation.envelope ? `, ${quote(operation.envelope)}` : '';
  return `${kind}<operations[${quote(operation.operationId)}]${envelope}>`;
}
