/**
 * Policy pack config as the engine handles it before it calls `Configure`:
 * the file a platform team hands out (`--policy-pack-config`) maps a policy
 * name (or `all`) to a level, or to `{ enforcementLevel?, ...properties }`.
 * We reconcile it against the pack's own metadata (GetAnalyzerInfo): unknown
 * policy names and properties that fail a policy's `configSchema` are
 * refused, as the engine refuses them. Pure; no process, no socket.
 */
import Ajv from "ajv";
import type { ViolationLevel } from "./analyzer-proto";

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
  const out = new Map<string, ResolvedPolicyConfig>();
  const byName = new Map(policies.map((p) => [p.name, p]));
  const levelOf = (key: string, v: unknown): ViolationLevel | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === "string" && (LEVELS as readonly string[]).includes(v)) return v as ViolationLevel;
    problems.push(`${key}: enforcementLevel "${String(v)}" is not one of ${LEVELS.join(" | ")}`);
    return undefined;
  };
  if ("all" in config) {
    const all = config.all;
    const level = levelOf("all", typeof all === "string" ? all : all?.enforcementLevel);
    if (level) for (const p of policies) out.set(p.name, { enforcementLevel: level, properties: {} });
  }
  for (const [name, entry] of Object.entries(config)) {
    if (name === "all") continue;
    const info = byName.get(name);
    if (!info) {
      problems.push(`${name}: no such policy in the pack`);
      continue;
    }
    const { enforcementLevel, ...properties } =
      typeof entry === "string" ? { enforcementLevel: entry } : (entry ?? {});
    const level = levelOf(name, enforcementLevel) ?? out.get(name)?.enforcementLevel;
    if (Object.keys(properties).length > 0) {
      const schema = info.configSchema;
      if (!schema) {
        problems.push(`${name}: takes no config properties (got ${Object.keys(properties).join(", ")})`);
        continue;
      }
      const validate = ajv.compile({
        type: "object",
        properties: schema.properties,
        required: schema.required ? [...schema.required] : undefined,
      });
      if (!validate(properties)) {
        for (const e of validate.errors ?? []) {
          problems.push(`${name}: ${e.instancePath || "config"} ${e.message ?? "is invalid"}`);
        }
        continue;
      }
    }
    out.set(name, { enforcementLevel: level, properties });
  }
  if (problems.length > 0) throw new PackConfigError(problems);
  return out;
}
