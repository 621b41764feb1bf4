/**
 * Small readers the parity policies (policies/aws/parity/**) share: switches
 * written as booleans or strings, JSON inputs written as a string or an
 * object, and whether one resource of a stack refers to another (by an input
 * that names its id, ARN or name, or by a recorded dependency). Pure.
 */
import { asString, isUnknownValueError, peek } from "./props";
import type { StackResource } from "./types";

/** True for `false` or `"false"` (any case). */
export function isFalse(v: unknown): boolean {
  return v === false || (typeof v === "string" && v.trim().toLowerCase() === "false");
}

/** True when the value is absent: undefined, null or an empty string. */
export function isUnset(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** How a value the program wrote reads in a message: `false`, `"NONE"`. */
export function quote(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
}

/** A JSON input as an object: parses a string, passes an object through; undefined when unreadable. */
export function parseJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

export type Match = "yes" | "no" | "unknown";

/** The identifiers a resource answers to: its id, arn, name input and Pulumi name. */
function identifiers(target: StackResource): string[] {
  const out = [target.name];
  for (const key of ["id", "arn", "name", "bucket"]) {
    const v = peek(() => asString(target.props[key]));
    if (v) out.push(v);
  }
  return out;
}

/**
 * Whether `from`'s input `key` refers to `target`: a recorded dependency, or a
 * known value equal to (or an ARN ending in) one of the target's identifiers.
 * "unknown" when the value is unknown (preview) and no dependency tells.
 */
export function refersTo(from: StackResource, key: string, target: StackResource): Match {
  if ((from.dependencies ?? []).some((d) => d.urn === target.urn)) return "yes";
  const value = peek(() => asString(from.props[key]) ?? "");
  if (value === undefined) return "unknown";
  if (value === "") return "no";
  const ids = identifiers(target);
  return ids.some((id) => value === id || value.endsWith(`/${id}`) || value.endsWith(`:${id}`))
    ? "yes"
    : "no";
}

/** Reads an input, telling a preview unknown (`unknown: true`) apart from an absent value. */
export function readInput(read: () => unknown): { value: unknown; unknown: boolean } {
  try {
    return { value: read(), unknown: false };
  } catch (e) {
    if (!isUnknownValueError(e)) throw e;
    return { value: undefined, unknown: true };
  }
}
