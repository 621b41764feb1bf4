/**
 * `paved drift` over two stack exports (`pulumi stack export`, e.g. canary and
 * prod): resources are matched by their logical identity (type and URN name,
 * not the stack part of the URN), and their declared inputs are flattened to
 * keys the allow-list can name: `aws:s3/bucket:Bucket::logs.tags.environment`.
 *
 * What differs by construction between two stacks of one program is
 * normalised first: a URN's stack part, and an input that holds another
 * resource's id (`vpcId: vpc-0a1b`) reads as a reference to that resource's
 * logical key. Secrets are compared by presence. Engine bookkeeping (`__defaults`) is skipped.
 */
import {
  compareStackConfigs,
  DriftInputError,
  SECRET,
  type AllowEntry,
  type DriftEntry,
  type DriftReport,
  type FlatConfig,
} from "./drift";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  delete?: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The resource-level keys (`type::name`) of each flattened export. */
const resourceKeys = new WeakMap<FlatConfig, ReadonlySet<string>>();

/** True when a parsed document is a stack export rather than a stack config file. */
export function isStackExport(doc: unknown): boolean {
  return isPlainObject(doc) && "deployment" in doc && !("config" in doc);
}

/** `urn:pulumi:<stack>::` becomes `urn:pulumi:*::`: the same resource in two stacks has one URN here. */
function stackFree(urn: string): string {
  return urn.replace(/^urn:pulumi:[^:]*::/, "urn:pulumi:*::");
}

/** `type::name` from a URN (the last type of the parent chain and the logical name). */
function logicalKey(urn: string): string {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  return `${qualified.slice(qualified.lastIndexOf("$") + 1)}::${parts.slice(3).join("::")}`;
}

/**
 * Flattens a stack export's resources to `type::name.<input path>` keys with
 * JSON-text values (inputs are typed, unlike config). A resource with no inputs
 * still has its `type::name` key, so a resource in one stack only is reported.
 */
export function flattenStackExport(doc: unknown, file: string): FlatConfig {
  const deployment = isPlainObject(doc) ? doc.deployment : undefined;
  if (!isPlainObject(doc) || doc.version !== 3 || !isPlainObject(deployment)) {
    throw new DriftInputError(
      `${file}: not a stack export of deployment version 3; produce one with pulumi stack export --file <file>`,
    );
  }
  const list = deployment.resources ?? [];
  if (!Array.isArray(list)) throw new DriftInputError(`${file}: deployment.resources must be a list`);
  const resources: ExportedResource[] = [];
  list.forEach((r: unknown, i) => {
    if (!isPlainObject(r) || typeof r.urn !== "string" || typeof r.type !== "string") {
      throw new DriftInputError(`${file}: deployment.resources[${i}] has no urn or type`);
    }
    if (r.delete === true || r.type === "pulumi:pulumi:Stack") return;
    resources.push(r as unknown as ExportedResource);
  });
  // Two resources with one type and name (under different parents) keep their parent chain.
  const count = new Map<string, number>();
  for (const r of resources) count.set(logicalKey(r.urn), (count.get(logicalKey(r.urn)) ?? 0) + 1);
  const keyOf = new Map<string, string>();
  for (const r of resources) {
    const k = logicalKey(r.urn);
    keyOf.set(r.urn, count.get(k) === 1 ? k : r.urn.split("::").slice(2).join("::"));
  }
  const byId = new Map<string, string>();
  for (const r of resources) if (typeof r.id === "string" && r.id) byId.set(r.id, keyOf.get(r.urn)!);

  const leaf = (v: unknown): string => {
    if (typeof v === "string") {
      if (v.startsWith("urn:pulumi:")) return JSON.stringify(stackFree(v));
      const ref = byId.get(v);
      if (ref !== undefined) return `ref(${ref})`;
    }
    return JSON.stringify(v ?? null);
  };
  const out = new Map<string, string>();
  resourceKeys.set(out, new Set(keyOf.values()));
  const walk = (key: string, v: unknown): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) out.set(key, "[]");
      v.forEach((x, i) => walk(`${key}[${i}]`, x));
      return;
    }
    if (isPlainObject(v)) {
      if (v[SIG_KEY] === SECRET_SIG) {
        out.set(key, SECRET);
        return;
      }
      if (v[SIG_KEY] === RESOURCE_SIG && typeof v.urn === "string") {
        out.set(key, JSON.stringify(stackFree(v.urn)));
        return;
      }
      const keys = Object.keys(v).filter((k) => !k.startsWith("__"));
      if (keys.length === 0) out.set(key, "{}");
      for (const k of keys) walk(`${key}.${k}`, v[k]);
      return;
    }
    out.set(key, leaf(v));
  };
  for (const r of resources) {
    const key = keyOf.get(r.urn)!;
    out.set(key, JSON.stringify(r.type));
    if (isPlainObject(r.inputs)) {
      for (const [k, v] of Object.entries(r.inputs)) if (!k.startsWith("__")) walk(`${key}.${k}`, v);
    }
  }
  return out;
}

/**
 * Compares two flattened exports: a resource in one stack only is one entry
 * (its `type::name`), not one per input.
 */
export function compareStackExports(
  a: FlatConfig,
  b: FlatConfig,
  allow: readonly AllowEntry[],
  names: { a: string; b: string },
): DriftReport {
  const report = compareStackConfigs(a, b, allow, names);
  const resources = new Set([...(resourceKeys.get(a) ?? []), ...(resourceKeys.get(b) ?? [])]);
  const whole = new Set(
    [...report.unexpected, ...report.allowed]
      .filter((e) => e.kind !== "changed" && resources.has(e.key))
      .map((e) => e.key),
  );
  /** The resource a key belongs to: the longest `type::name` prefix followed by `.` or `[`. */
  const owner = (key: string): string | undefined => {
    for (let i = key.length - 1; i > 0; i--) {
      if ((key[i] === "." || key[i] === "[") && resources.has(key.slice(0, i))) return key.slice(0, i);
    }
    return undefined;
  };
  const keep = (e: DriftEntry) => {
    if (e.kind === "changed" || whole.has(e.key)) return true;
    const o = owner(e.key);
    return o === undefined || !whole.has(o);
  };
  const allowed = report.allowed.filter(keep);
  const used = new Set(allowed.map((e) => e.allowedBy));
  return {
    ...report,
    unexpected: report.unexpected.filter(keep),
    allowed,
    unusedAllowEntries: allow.filter((e) => !used.has(e)),
  };
}
