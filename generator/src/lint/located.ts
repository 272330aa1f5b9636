import type { Location } from '@redocly/openapi-core/lib/ref-utils.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';

export type Json = Record<string, unknown>;

/** A node of the spec with the place it was written (which may be in a $ref'd file). */
export interface Located {
  node: Json;
  location: Location;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value`, written at `here`, with its $ref followed. Undefined when it is not an object or the $ref dangles. */
function resolveAt(ctx: UserContext, value: unknown, here: Location): Located | undefined {
  if (isObject(value) && typeof value.$ref === 'string') {
    const target = ctx.resolve<Json>(value as { $ref: string }, here.source.absoluteRef);
    return target.node !== undefined && target.location && isObject(target.node)
      ? { node: target.node, location: target.location }
      : undefined;
  }
  return isObject(value) ? { node: value, location: here } : undefined;
}

/**
 * `parent.node[key]` with $refs followed. Undefined when absent or when the $ref dangles (the
 * built-in `no-unresolved-refs` rule reports that).
 */
export function child(ctx: UserContext, parent: Located, key: string): Located | undefined {
  return resolveAt(ctx, parent.node[key], parent.location.child([key]));
}

/** Every entry of an object-valued child (`responses`, `content`, ...), $refs followed. */
export function entries(ctx: UserContext, parent: Located, key: string): [string, Located][] {
  const map = child(ctx, parent, key);
  if (!map) return [];
  return Object.keys(map.node).flatMap((name) => {
    const entry = child(ctx, map, name);
    return entry ? [[name, entry] as [string, Located]] : [];
  });
}

/** Items of an array-valued child (`parameters`), $refs followed. */
export function items(ctx: UserContext, parent: Located, key: string): Located[] {
  const list = parent.node[key];
  if (!Array.isArray(list)) return [];
  const at = parent.location.child([key]);
  return list.flatMap((item, index) => resolveAt(ctx, item, at.child([index])) ?? []);
}

export const here = (ctx: UserContext, node: Json): Located => ({ node, location: ctx.location });

/** What the pbxkit rules visit: raw spec nodes by Redocly node type, optionally nested under a parent type. */
export interface VisitObject {
  enter(node: Json, ctx: UserContext): void;
}
export interface Visitor {
  [nodeType: string]: VisitObject | Visitor;
}
export type Rule = () => Visitor;
