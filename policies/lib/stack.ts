/**
 * The stack a policy runs in. The engine starts the pack process with the
 * stack's config in `PULUMI_CONFIG` (JSON, keys `namespace:key`), the same
 * variable a Pulumi program reads. We parse it once per distinct value: a
 * policy runs once per resource, and re-parsing per call would dominate.
 */
import type { StackContext } from "./types";

const EMPTY: StackContext = Object.freeze({ environment: undefined, paved: Object.freeze({}) });

let cachedRaw: string | undefined;
let cached: StackContext = EMPTY;

/** Parses a `PULUMI_CONFIG` value into a {@link StackContext}. Bad JSON gives the empty context. */
export function parseStackConfig(raw: string | undefined): StackContext {
  if (!raw) return EMPTY;
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    return EMPTY;
  }
  if (!obj || typeof obj !== "object") return EMPTY;
  const paved: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    // Keys arrive as `paved:appId` (and, from old engines, `paved:config:appId`).
    const m = /^paved:(?:config:)?(.+)$/.exec(k);
    if (m) paved[m[1]] = v;
  }
  const env = paved.environment;
  return Object.freeze({
    environment: typeof env === "string" && env !== "" ? env : undefined,
    paved: Object.freeze(paved),
  });
}

/** The current stack context, from `process.env.PULUMI_CONFIG`; cached while the value is unchanged. */
export function currentStack(): StackContext {
  const raw = process.env.PULUMI_CONFIG;
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseStackConfig(raw);
  }
  return cached;
}
