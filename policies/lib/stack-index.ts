/**
 * The stack's resources by type, for stack policies. A stack check runs once
 * per stack, so its loops run cold (V8's interpreter): each pass over every
 * resource to find the few of one type cost 3 to 4 ms on 10,000 resources, and
 * the pack's 23 stack policies made about 40 such passes (bench/RESULTS.md,
 * "Throughput"). The index is built in one pass, once per stack array (the
 * stack is read-only: every policy gets the same array), and answers in stack
 * order.
 */
import type { StackResource } from "./types";

const EMPTY: readonly StackResource[] = Object.freeze([]);
const indexes = new WeakMap<readonly StackResource[], Map<string, StackResource[]>>();

function indexOf(resources: readonly StackResource[]): Map<string, StackResource[]> {
  let index = indexes.get(resources);
  if (index === undefined) {
    index = new Map();
    for (const r of resources) {
      const list = index.get(r.type);
      if (list === undefined) index.set(r.type, [r]);
      else list.push(r);
    }
    indexes.set(resources, index);
  }
  return index;
}

/** The resources of one of `types`, in stack order (shared: never modify the result). */
export function ofType(
  resources: readonly StackResource[],
  ...types: readonly string[]
): readonly StackResource[] {
  const index = indexOf(resources);
  const found: StackResource[][] = [];
  for (const t of types) {
    const list = index.get(t);
    if (list !== undefined && !found.includes(list)) found.push(list);
  }
  if (found.length === 0) return EMPTY;
  if (found.length === 1) return found[0];
  // Several types present: in stack order, as a filter over the stack gives them.
  const wanted = new Set(found.flat());
  return resources.filter((r) => wanted.has(r));
}
