/**
 * How a stack policy tells that one resource's input names another: a
 * public access block's `bucket`, a bucket policy's `bucket`, a classic ELB
 * listener policy's `loadBalancerName`. Pure.
 *
 * A known value is compared with the target's names: its name input (`bucket`
 * or `name`), its `id` output, and, when the program left the name to the
 * provider, its Pulumi name (what the mocks, and `paved check`, name it). An
 * unknown value (preview) refers to the target when the engine recorded a
 * dependency on it, and is "unknown" otherwise.
 */
import { asString, peek } from "../../lib/props";
import type { StackResource } from "../../lib/types";

export type Match = "yes" | "no" | "unknown";

/** The names a resource answers to; `nameUnknown` when its name input is not known yet. */
export interface Names {
  readonly names: readonly string[];
  readonly nameUnknown: boolean;
}

/** The names of `target`: its `nameInput` (`bucket`, `name`), its id, and its Pulumi name when auto-named. */
export function namesOf(target: StackResource, nameInput: string, prefixInput: string): Names {
  const read = (key: string) => peek(() => asString(target.props[key]) ?? "");
  const given = read(nameInput);
  const prefix = read(prefixInput);
  const id = read("id");
  const names: string[] = [];
  if (given) names.push(given);
  if (id) names.push(id);
  if (given === "" && prefix === "") names.push(target.name);
  return { names, nameUnknown: given === undefined };
}

/** Whether `from`'s input `key` names `target`. */
export function refersTo(from: StackResource, key: string, target: StackResource, names: Names): Match {
  const value = peek(() => asString(from.props[key]) ?? "");
  const depends = (from.dependencies ?? []).some((d) => d.urn === target.urn);
  if (value === undefined) return depends ? "yes" : "unknown";
  if (value === "") return "no";
  if (names.names.includes(value)) return "yes";
  // The target's name comes from another resource and is not known yet: a dependency still tells.
  if (names.nameUnknown) return depends ? "yes" : "unknown";
  return "no";
}
