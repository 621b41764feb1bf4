/**
 * Reading untyped resource inputs. Policies see inputs as the user wrote them,
 * so every reader accepts the shapes the providers accept (a boolean may come
 * as `"true"`) and treats anything else as absent. These never swallow a
 * preview unknown: reading one throws inside the props proxy, and the pack
 * reports the policy as skipped.
 */

/** The value as a list: a list stays, absent is `[]`, a single value is wrapped. */
export function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The value as a plain object, or undefined. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** The value as a string (numbers are stringified), or undefined. */
export function asString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

/** The value as a number (numeric strings are parsed), or undefined. */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

/** True only for `true` or `"true"` (any case): unset and anything else is false. */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === "string" && v.toLowerCase() === "true");
}

/** A list of strings from a string or list (non-strings dropped). */
export function asStrings(v: unknown): string[] {
  // A loop, not asList().filter(): this runs on every rule of every security group.
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return typeof v === "string" ? [v] : [];
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x === "string") out.push(x);
  }
  return out;
}

/** True for the SDK's "value unknown during preview" error (recognised by name: the class is internal). */
export function isUnknownValueError(e: unknown): e is Error {
  return e instanceof Error && e.constructor.name === "UnknownValueError";
}

/**
 * Reads a value that may be unknown at preview without stopping the check:
 * returns undefined for an unknown. For stack policies, where one unknown
 * input must not skip the whole stack; resource policies should just read.
 */
export function peek<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (isUnknownValueError(e)) return undefined;
    throw e;
  }
}

/**
 * A pure reader of a resource's inputs that remembers its answer for the last
 * resource it read. Several policies read the same thing (a security group's
 * rules, a role's IAM documents) from one resource one after another, from
 * the same inputs object; checks never change their inputs. The answer is
 * frozen, since every caller shares it.
 */
export function lastResourceMemo<T>(
  read: (type: string, props: Record<string, unknown>) => T[],
): (type: string, props: Record<string, unknown>) => readonly T[] {
  let last: { type: string; props: Record<string, unknown>; value: readonly T[] } | undefined;
  return (type, props) => {
    if (last && last.props === props && last.type === type) return last.value;
    const value = Object.freeze(read(type, props));
    last = { type, props, value };
    return value;
  };
}
