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

/** Findings for every ingress rule of the resource that opens a port of `table` to a forbidden source. */
export function publicIngressFindings(
  type: string,
  props: Record<string, unknown>,
  table: Readonly<Record<number, string>>,
  config: PublicIngressConfig,
  fix: string,
): Finding[] {
  const ports: Record<number, string> = { ...table };
  for (const p of config.additionalPorts) ports[p] ??= `port ${p}`;
  const forbidden = new Set<CidrClass>(config.forbiddenSources);
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
    const sources = r.cidrs.filter((c) => forbidden.has(classifyCidr(c)));
    if (sources.length === 0) continue;
    const named = hit.map((p) => `${p} (${ports[p]})`).join(", ");
    const range = formatPortRange(r.ports);
    findings.push({
      message: `${r.where} opens ${range === String(hit[0]) ? named : `${range}, which covers ${named},`} to ${sources.join(", ")} over ${r.protocol === "all" ? "every protocol" : r.protocol}; ${fix}`,
    });
  }
  return findings;
}
