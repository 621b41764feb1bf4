/**
 * The shared check behind the public-ingress policies: which ingress rules
 * open a sensitive port (from a port table) to a forbidden source class.
 * Source classes come from `sourceClass` (network-exposure.ts): `any` is
 * 0.0.0.0/0, ::/0 or a public range at least as wide as the configured prefix
 * (0.0.0.0/1 plus 128.0.0.0/1 is the internet too); `public` is any other
 * non-private, non-reserved range.
 */
import type { CidrClass } from "../../components/core/cidr";
import { coveredPorts, formatPortRange } from "../../components/core/ports";
import {
  DEFAULT_WIDE_PREFIX_IPV4,
  DEFAULT_WIDE_PREFIX_IPV6,
  WIDE_PREFIX_SCHEMA,
  sourceClass,
} from "./network-exposure";
import type { Finding } from "./types";
import { sgRules } from "./sg-rules";

/** The config both public-ingress policies take. */
export interface PublicIngressConfig {
  /** Source classes that count as the internet. */
  readonly forbiddenSources: readonly ("any" | "public")[];
  /** Ports to treat as sensitive in addition to the built-in table. */
  readonly additionalPorts: readonly number[];
  /** A public IPv4 range this wide or wider counts as `any`. @default 16 */
  readonly widePrefixIpv4?: number;
  /** A public IPv6 range this wide or wider counts as `any`. @default 32 */
  readonly widePrefixIpv6?: number;
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
        "Source classes treated as the internet: any (0.0.0.0/0, ::/0 and public ranges at least as wide as widePrefixIpv4/widePrefixIpv6, such as 0.0.0.0/1); public adds every non-private, non-reserved range.",
    },
    ...WIDE_PREFIX_SCHEMA,
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

/** The port table and forbidden classes of a config, once per (table, config object): the pack passes the same config for every resource. */
const resolvedConfigs = new WeakMap<
  object,
  WeakMap<
    PublicIngressConfig,
    {
      ports: Readonly<Record<number, string>>;
      forbidden: ReadonlySet<CidrClass>;
      wide: { widePrefixIpv4: number; widePrefixIpv6: number };
    }
  >
>();
function resolved(table: Readonly<Record<number, string>>, config: PublicIngressConfig) {
  let byConfig = resolvedConfigs.get(table);
  if (!byConfig) resolvedConfigs.set(table, (byConfig = new WeakMap()));
  let r = byConfig.get(config);
  if (!r) {
    r = {
      ports: portTable(table, config.additionalPorts),
      forbidden: new Set<CidrClass>(config.forbiddenSources),
      wide: {
        widePrefixIpv4: config.widePrefixIpv4 ?? DEFAULT_WIDE_PREFIX_IPV4,
        widePrefixIpv6: config.widePrefixIpv6 ?? DEFAULT_WIDE_PREFIX_IPV6,
      },
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
  const { ports, forbidden, wide } = resolved(table, config);
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
    const sources = r.cidrs.filter((c) => forbidden.has(sourceClass(c, wide)));
    if (sources.length === 0) continue;
    const named = hit.map((p) => `${p} (${ports[p]})`).join(", ");
    const range = formatPortRange(r.ports);
    findings.push({
      message: `${r.where} opens ${range === String(hit[0]) ? named : `${range}, which covers ${named},`} to ${sources.join(", ")} over ${r.protocol === "all" ? "every protocol" : r.protocol}; ${fix}`,
    });
  }
  return findings;
}
