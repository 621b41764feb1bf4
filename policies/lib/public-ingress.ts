/**
 * The shared check behind the public-ingress policies: which ingress rules
 * open a sensitive port (from a port table) to a forbidden source class.
 * Source classes come from the core's `classifyCidr`: `any` is 0.0.0.0/0 or
 * ::/0; `public` is any other non-private range.
 */
import { CidrClass, classifyCidr } from "../../components/core/cidr";
import { coveredPorts, formatPortRange } from "../../components/core/ports";
import type { Finding } from "./types";
import { sgRules } from "./sg-rules";

/** The config both public-ingress policies take. */
export interface PublicIngressConfig {
  /** Source classes that count as the internet. */
  readonly forbiddenSources: readonly ("any" | "public")[];
  /** Ports to treat as sensitive in addition to the built-in table. */
  readonly additionalPorts: readonly number[];
}

/** The configSchema of {@link PublicIngressConfig}. */
export const PUBLIC_INGRESS_SCHEMA = {
  properties: {
    forbiddenSources: {
      type: "array",
      items: { type: "string", enum: ["any", "public"] },
      uniqueItems: true,
      default: ["any"],
      description:
        "Source classes treated as the internet: any (0.0.0.0/0, ::/0); public adds every non-private range.",
    },
    additionalPorts: {
      type: "array",
      items: { type: "integer", minimum: 1, maximum: 65535 },
      default: [],
      description: "Ports to treat as sensitive in addition to the built-in list.",
    },
  },
};

/** The port table with the configured extra ports, built once per table and port list. */
const portTables = new WeakMap<object, Map<string, Readonly<Record<number, string>>>>();
function portTable(
  table: Readonly<Record<number, string>>,
  additional: readonly number[],
): Readonly<Record<number, string>> {
  let byExtra = portTables.get(table);
  if (!byExtra) {
    byExtra = new Map();
    portTables.set(table, byExtra);
  }
  const key = additional.join(",");
  let ports = byExtra.get(key);
  if (!ports) {
    const merged: Record<number, string> = { ...table };
    for (const p of additional) merged[p] ??= `port ${p}`;
    ports = Object.freeze(merged);
    byExtra.set(key, ports);
  }
  return ports;
}

/** `classifyCidr` is pure and a stack repeats the same few ranges: remember them (bounded). */
const classes = new Map<string, CidrClass>();
function cidrClass(cidr: string): CidrClass {
  let c = classes.get(cidr);
  if (c === undefined) {
    if (classes.size >= 4096) classes.clear();
    c = classifyCidr(cidr);
    classes.set(cidr, c);
  }
  return c;
}

/** The port table and forbidden classes of a config, once per (table, config object): the pack passes the same config for every resource. */
const resolvedConfigs = new WeakMap<
  object,
  WeakMap<PublicIngressConfig, { ports: Readonly<Record<number, string>>; forbidden: ReadonlySet<CidrClass> }>
>();
function resolved(table: Readonly<Record<number, string>>, config: PublicIngressConfig) {
  let byConfig = resolvedConfigs.get(table);
  if (!byConfig) resolvedConfigs.set(table, (byConfig = new WeakMap()));
  let r = byConfig.get(config);
  if (!r) {
    r = {
      ports: portTable(table, config.additionalPorts),
      forbidden: new Set<CidrClass>(config.forbiddenSources),
    };
    byConfig.set(config, r);
  }
  return r;
}

/** Findings for every ingress rule of the resource that opens a port of `table` to a forbidden source. */
export function publicIngressFindings(
  type: string,
  props: Record<string, unknown>,
  table: Readonly<Record<number, string>>,
  config: PublicIngressConfig,
  fix: string,
): Finding[] {
  const { ports, forbidden } = resolved(table, config);
  const findings: Finding[] = [];
  for (const r of sgRules(type, props)) {
    if (r.direction !== "ingress") continue;
    if (r.unknown !== undefined) {
      findings.push({
        advisory: true,
        message: `${r.where} is not known during preview (${r.unknown}); it is checked again on update`,
      });
      continue;
    }
    if (!r.ports) continue;
    const hit = coveredPorts(r.ports, ports);
    if (hit.length === 0) continue;
    const sources = r.cidrs.filter((c) => forbidden.has(cidrClass(c)));
    if (sources.length === 0) continue;
    const named = hit.map((p) => `${p} (${ports[p]})`).join(", ");
    const range = formatPortRange(r.ports);
    findings.push({
      message: `${r.where} opens ${range === String(hit[0]) ? named : `${range}, which covers ${named},`} to ${sources.join(", ")} over ${r.protocol === "all" ? "every protocol" : r.protocol}; ${fix}`,
    });
  }
  return findings;
}
