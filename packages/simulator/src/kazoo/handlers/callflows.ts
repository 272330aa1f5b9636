import { isJsonObject, type Json, type Stored } from '../documents.js';
import type { ValidationData } from '../envelope.js';
import type { Callflow } from '../records.js';
import type { Routes, Deps } from './common.js';
import { crudRoutes } from './crud.js';

/** callflows: a number or pattern belongs to one callflow of the account. */
export function callflowRoutes(deps: Deps): Routes {
  const { store } = deps;
  const check = (doc: Json, scope: { accountId: string; id?: string }): ValidationData => {
    const errors: ValidationData = {};
    const others = store.callflows.inAccount(scope.accountId).filter((flow) => flow.id !== scope.id);
    const numbers = Array.isArray(doc.numbers) ? doc.numbers : [];
    const clash = numbers.find((number) => others.some((flow) => flow.numbers.includes(String(number))));
    if (clash !== undefined) errors.numbers = { unique: { message: `Number ${String(clash)} exists in another callflow`, cause: clash } };
    if (numbers.length === 0 && (!Array.isArray(doc.patterns) || doc.patterns.length === 0)) {
      errors.numbers = { required: { message: 'Callflows must be assigned at least one number or pattern' } };
    }
    return errors;
  };
  return crudRoutes(deps, {
    path: '/accounts/{account_id}/callflows',
    idParam: 'callflow_id',
    table: (s) => s.callflows,
    rules: { required: ['flow', 'flow.module'], defaults: { numbers: [], patterns: [] }, check },
    summary: (flow: Stored<Callflow>) => ({
      id: flow.id,
      ...(flow.name ? { name: flow.name } : {}),
      numbers: flow.numbers,
      patterns: flow.patterns,
      modules: modulesOf(flow.flow),
      ...(isJsonObject(flow.featurecode) ? { featurecode: flow.featurecode } : {}),
    }),
    key: (flow) => flow.numbers[0] ?? flow.patterns[0] ?? '',
  });
}

/** The modules a flow runs, depth first (`user`, `voicemail`, ...). */
function modulesOf(flow: unknown): string[] {
  if (!isJsonObject(flow)) return [];
  const children = isJsonObject(flow.children) ? Object.values(flow.children) : [];
  return [...(typeof flow.module === 'string' ? [flow.module] : []), ...children.flatMap(modulesOf)];
}
