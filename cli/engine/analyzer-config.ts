/**
 * Policy pack config as the engine handles it before it calls `Configure`:
 * the file a platform team hands out (`--policy-pack-config`) maps a policy
 * name (or `all`) to a level, or to `{ enforcementLevel?, ...properties }`.
 * We reconcile it against the pack's own metadata (GetAnalyzerInfo): unknown
 * policy names and properties that fail a policy's `configSchema` are
 * refused, as the engine refuses them. Pure; no process, no socket.
 */
import Ajv from "ajv";
import { closest } from "../../policies/lib/did-you-mean";
import { DEFAULT_MAX_LIFETIME_DAYS, validateExemptions } from "../../policies/lib/exemptions";
import type { ViolationLevel } from "./analyzer-proto";

/**
 * Where a config object was read from (set by `readPolicyConfig`): problems
 * name the file. A symbol, so it is never sent to the pack.
 */
export const CONFIG_SOURCE = Symbol.for("paved.policyConfigSource");

/** One policy's entry in a pack config file. */
export type PolicyConfigEntry =
  ViolationLevel | ({ enforcementLevel?: ViolationLevel } & Record<string, unknown>);

/** A pack config file: policy name (or `all`) to its entry. */
export type PackConfig = Readonly<Record<string, PolicyConfigEntry>>;

/** What the reconciler needs to know about a policy (a subset of GetAnalyzerInfo). */
export interface PolicySchemaInfo {
  readonly name: string;
  readonly configSchema?: {
    readonly properties: Record<string, unknown>;
    readonly required?: readonly string[];
  };
}

/** The reconciled config of one policy: what `Configure` sends. */
export interface ResolvedPolicyConfig {
  readonly enforcementLevel?: ViolationLevel;
  readonly properties: Record<string, unknown>;
}

const LEVELS: readonly ViolationLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** Thrown when a pack config is refused; lists every problem. */
export class PackConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`policy pack config refused:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    this.name = "PackConfigError";
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * Reconciles a pack config with the pack's policies: `all` sets every
 * policy's level first, then named entries override. Throws a
 * {@link PackConfigError} listing every problem.
 */
export function reconcilePackConfig(
  policies: readonly PolicySchemaInfo[],
  config: PackConfig = {},
): Map<string, ResolvedPolicyConfig> {
  const problems: string[] = [];
  const source = (config as { [CONFIG_SOURCE]?: string })[CONFIG_SOURCE];
  const at = (key: string) => (source ? `${source}: ${key}` : key);
  const out = new Map<string, ResolvedPolicyConfig>();
  const byName = new Map(policies.map((p) => [p.name, p]));
  const names = [...byName.keys()];
  const hint = (word: string, among: Iterable<string>) => {
    const c = closest(word, among);
    return c ? `; did you mean "${c}"?` : "";
  };
  const levelOf = (key: string, v: unknown): ViolationLevel | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === "string" && (LEVELS as readonly string[]).includes(v)) return v as ViolationLevel;
    problems.push(
      typeof v === "string"
        ? `${at(key)}: enforcementLevel "${v}" is not one of ${LEVELS.join(" | ")}${hint(v, LEVELS)}`
        : `${at(key)}: enforcementLevel ${JSON.stringify(v)} is not a string; write one of "${LEVELS.join('" | "')}"`,
    );
    return undefined;
  };
  const isEntry = (key: string, entry: unknown): boolean => {
    if (typeof entry === "string" || (typeof entry === "object" && entry !== null && !Array.isArray(entry))) {
      return true;
    }
    if (typeof entry === "number" || typeof entry === "boolean" || entry === null) {
      levelOf(key, entry);
      return false;
    }
    problems.push(
      `${at(key)}: must be a level ("mandatory") or an object ({ "enforcementLevel": ..., settings })`,
    );
    return false;
  };
  if ("all" in config && isEntry("all", config.all)) {
    const all = config.all;
    const level = levelOf("all", typeof all === "string" ? all : all?.enforcementLevel);
    if (typeof all === "object" && Object.keys(all).some((k) => k !== "enforcementLevel")) {
      problems.push(
        `${at("all")}: takes only enforcementLevel; put settings under the policy they belong to`,
      );
    }
    if (level) for (const p of policies) out.set(p.name, { enforcementLevel: level, properties: {} });
  }
  for (const [name, entry] of Object.entries(config)) {
    if (name === "all") continue;
    const info = byName.get(name);
    if (!info) {
      problems.push(`${at(name)}: no such policy in the pack${hint(name, names)}`);
      continue;
    }
    if (!isEntry(name, entry)) continue;
    const { enforcementLevel, ...properties } =
      typeof entry === "string" ? { enforcementLevel: entry } : (entry ?? {});
    const level = levelOf(name, enforcementLevel) ?? out.get(name)?.enforcementLevel;
    if (Object.keys(properties).length > 0) {
      const schema = info.configSchema;
      if (!schema) {
        problems.push(
          `${at(name)}: takes no settings (got ${Object.keys(properties).join(", ")}); remove them, or give only the level`,
        );
        continue;
      }
      const known = Object.keys(schema.properties);
      const unknown = Object.keys(properties).filter((k) => !known.includes(k));
      for (const k of unknown) {
        problems.push(
          `${at(`${name}.${k}`)}: no such setting${hint(k, known)} (settings: ${known.join(", ")})`,
        );
      }
      if (unknown.length > 0) continue;
      const validate = ajv.compile({
        type: "object",
        properties: schema.properties,
        required: schema.required ? [...schema.required] : undefined,
      });
      if (!validate(properties)) {
        for (const e of validate.errors ?? []) {
          const where = e.instancePath ? `${name}${e.instancePath.replace(/\//g, ".")}` : name;
          problems.push(`${at(where)}: ${e.message ?? "is invalid"}`);
        }
        continue;
      }
      if (Array.isArray(properties.exemptions)) {
        const set = validateExemptions(properties.exemptions, `${name}.exemptions`, name, {
          maxLifetimeDays: DEFAULT_MAX_LIFETIME_DAYS,
          policies: names,
        });
        for (const p of set.problems) problems.push(`${at(p.where)}: ${p.message}`);
        if (set.problems.length > 0) continue;
      }
    }
    out.set(name, { enforcementLevel: level, properties });
  }
  if (problems.length > 0) throw new PackConfigError(problems);
  return out;
}
