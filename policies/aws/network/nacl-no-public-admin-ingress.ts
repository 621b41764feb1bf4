/**
 * Network ACLs allow no inbound traffic from the internet to remote
 * administration ports (22, 3389) or database ports (CIS AWS 5.1, FSBP
 * EC2.21), in every shape: inline `ingress` on aws.ec2.NetworkAcl and
 * aws.ec2.DefaultNetworkAcl, and aws.ec2.NetworkAclRule with `egress` false.
 *
 * The port tables and source classes are the security-group policies' own
 * (core ports, `sourceClass`: 0.0.0.0/1 + 128.0.0.0/1 is the internet too).
 * Within one inline list, an allow is shadowed (not a finding) when an entry
 * with a lower rule number denies the same protocol, a range covering the
 * port and a source containing the allow's. NACLs are stateless, so an entry
 * that only admits return traffic on the ephemeral ports (from 1024 or higher
 * up to 65535, tcp/udp) is not counted, unless `allowEphemeralReturn` is off.
 */
import { cidrContains, parseCidr } from "../../../components/core/cidr";
import {
  ADMIN_PORTS,
  DATABASE_PORTS,
  EPHEMERAL_PORTS,
  coveredPorts,
  formatPortRange,
  rangeCovers,
} from "../../../components/core/ports";
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import {
  NACL_TYPES,
  NaclEntry,
  WIDE_PREFIX_SCHEMA,
  naclIngressEntries,
  sourceClass,
} from "../../lib/network-exposure";
import type { Finding } from "../../lib/types";

export interface NaclIngressConfig {
  readonly forbiddenSources: readonly ("any" | "public")[];
  readonly additionalPorts: readonly number[];
  readonly allowEphemeralReturn: boolean;
  readonly widePrefixIpv4: number;
  readonly widePrefixIpv6: number;
}

/** Admin and database ports, one table. */
const SENSITIVE: Readonly<Record<number, string>> = Object.freeze({ ...DATABASE_PORTS, ...ADMIN_PORTS });

const tables = new Map<string, Readonly<Record<number, string>>>();
function table(additional: readonly number[]): Readonly<Record<number, string>> {
  const key = additional.join(",");
  let t = tables.get(key);
  if (!t) {
    const merged: Record<number, string> = { ...SENSITIVE };
    for (const p of additional) merged[p] ??= `port ${p}`;
    t = Object.freeze(merged);
    if (tables.size < 64) tables.set(key, t);
  }
  return t;
}

function sameProtocol(deny: NaclEntry, allow: NaclEntry): boolean {
  return deny.protocol === "all" || deny.protocol === allow.protocol;
}

function contains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return o !== undefined && i !== undefined && cidrContains(o, i);
}

/** True when a lower-numbered deny in the same list blocks `port` from `source` before `allow` is reached. */
function shadowed(allow: NaclEntry, port: number, source: string, all: readonly NaclEntry[]): boolean {
  if (allow.ruleNumber === undefined) return false;
  return all.some(
    (d) =>
      d.unknown === undefined &&
      d.action === "deny" &&
      d.ruleNumber !== undefined &&
      d.ruleNumber < allow.ruleNumber! &&
      sameProtocol(d, allow) &&
      d.ports !== undefined &&
      rangeCovers(d.ports, port) &&
      d.cidrs.some((c) => contains(c, source)),
  );
}

function isEphemeralReturn(e: NaclEntry): boolean {
  return (
    (e.protocol === "tcp" || e.protocol === "udp") &&
    e.ports !== undefined &&
    e.ports.from >= EPHEMERAL_PORTS.from &&
    e.ports.to === EPHEMERAL_PORTS.to
  );
}

export const naclNoPublicAdminIngress = defineResourcePolicy<NaclIngressConfig>({
  name: "aws-nacl-no-public-admin-ingress",
  description:
    "Network ACLs allow no inbound traffic from the internet to remote administration ports (22, 3389) or database ports.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove the allow entry, or restrict its `cidrBlock`/`ipv6CidrBlock` to a private range (a bastion's or VPN's CIDR).",
    "Narrow a port range (or protocol -1/all) to the ports the subnet serves, such as 443; keep return traffic to the ephemeral range 1024-65535.",
    "Or add a lower-numbered deny entry for the port from 0.0.0.0/0 (and ::/0) before the allow.",
    "Prefer Paved's SegmentedNetwork, which writes one NACL per tier from declared flows with a default deny.",
  ],
  frameworks: [cisAws("5.1"), awsFsbp("EC2.21")],
  types: NACL_TYPES,
  configSchema: {
    properties: {
      forbiddenSources: {
        type: "array",
        items: { type: "string", enum: ["any", "public"] },
        uniqueItems: true,
        default: ["any"],
        description:
          "Source classes treated as the internet: any (0.0.0.0/0, ::/0 and public ranges at least as wide as widePrefixIpv4/widePrefixIpv6); public adds every non-private, non-reserved range.",
      },
      additionalPorts: {
        type: "array",
        items: { type: "integer", minimum: 1, maximum: 65535 },
        default: [],
        description: "Ports to treat as sensitive in addition to the built-in admin and database ports.",
      },
      allowEphemeralReturn: {
        type: "boolean",
        default: true,
        description:
          "Do not count a tcp/udp allow from 1024 (or higher) to 65535: the return traffic a stateless NACL must admit.",
      },
      ...WIDE_PREFIX_SCHEMA,
    },
  },
  check(r, ctx) {
    const ports = table(ctx.config.additionalPorts);
    const forbidden = new Set<string>(ctx.config.forbiddenSources);
    const entries = naclIngressEntries(r.type, r.props);
    const findings: Finding[] = [];
    for (const e of entries) {
      if (e.unknown !== undefined) {
        findings.push({
          advisory: true,
          message: `${e.where} is not known during preview (${e.unknown}); it is checked again on update`,
        });
        continue;
      }
      if (e.action !== "allow" || !e.ports) continue;
      if (ctx.config.allowEphemeralReturn && isEphemeralReturn(e)) continue;
      const hit = coveredPorts(e.ports, ports);
      if (hit.length === 0) continue;
      const sources = e.cidrs.filter((c) => forbidden.has(sourceClass(c, ctx.config)));
      for (const source of sources) {
        const open = hit.filter((p) => !shadowed(e, p, source, entries));
        if (open.length === 0) continue;
        const named = open.map((p) => `${p} (${ports[p]})`).join(", ");
        const range = formatPortRange(e.ports);
        const n = e.ruleNumber === undefined ? "" : String(e.ruleNumber);
        const label =
          e.where === "rule" ? `rule ${n || "(unnumbered)"}` : n ? `${e.where} (rule ${n})` : e.where;
        findings.push({
          message: `${label} allows ${range === String(open[0]) ? named : `${range}, which covers ${named},`} from ${source} over ${e.protocol === "all" ? "every protocol" : e.protocol}; restrict the source to a private range or remove the entry`,
        });
      }
    }
    return findings;
  },
});
