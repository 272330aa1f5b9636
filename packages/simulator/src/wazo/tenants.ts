import type { WazoStore } from './store.js';

/** The tenant and every tenant below it. The master tenant is its own parent. */
export function subtreeOf(store: WazoStore, tenantUuid: string): Set<string> {
  const tree = new Set([tenantUuid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const tenant of store.tenants.values()) {
      if (!tree.has(tenant.uuid) && tree.has(tenant.parent_uuid)) {
        tree.add(tenant.uuid);
        grew = true;
      }
    }
  }
  return tree;
}

/** Whether `tenantUuid` is `ancestorUuid` or one of its sub-tenants. */
export function isWithin(store: WazoStore, tenantUuid: string, ancestorUuid: string): boolean {
  return subtreeOf(store, ancestorUuid).has(tenantUuid);
}
