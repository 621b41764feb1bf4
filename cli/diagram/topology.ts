/**
 * The network topology of a run, read from the resource records and the
 * components' registered outputs alone (no component internals): VPCs, tiers,
 * subnets per AZ, and the declared flows between tiers with their ports. Pure.
 */
import type { FirewallRule } from "../../components/core/register";
import { CheckResource, plain } from "../engine/resource";

export interface SubnetView {
  readonly name: string;
  readonly az: string;
  readonly cidr?: string;
}

export interface TierView {
  readonly name: string;
  /** Where the tier's outbound traffic goes (`internet`, `nat`, `none`), when the component says. */
  readonly routing?: string;
  readonly subnets: readonly SubnetView[];
}

/** One flow between two ends (tiers, `internet`, CIDRs, endpoints). */
export interface FlowView {
  readonly from: string;
  readonly to: string;
  /** `tcp 443`, `tcp 8000-8080`, `all`. */
  readonly label: string;
}

export interface NetworkView {
  /** The component's name, or the VPC's for a raw VPC. */
  readonly name: string;
  readonly cidr?: string;
  readonly tiers: readonly TierView[];
  readonly flows: readonly FlowView[];
}

export interface Topology {
  readonly networks: readonly NetworkView[];
}

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const NETWORK = "paved:aws:SegmentedNetwork";

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

/** The rules a component registered as `register`, if any (plain values). */
export function registeredRules(r: CheckResource): FirewallRule[] | undefined {
  const reg = plain(r.outputs?.register);
  if (!Array.isArray(reg)) return undefined;
  return reg.filter(
    (x): x is FirewallRule =>
      typeof x === "object" && x !== null && typeof (x as FirewallRule).from === "string" && "kind" in x,
  );
}

/** A subnet's tier: its `tier`/`paved:tier` tag, else its name minus the network prefix and AZ suffix. */
export function tierOf(
  subnet: CheckResource,
  networkName: string | undefined,
  known: ReadonlySet<string>,
): string {
  const tags = plain(subnet.properties.tags) as Record<string, unknown> | undefined;
  const tagged = str(tags?.["paved:tier"]) ?? str(tags?.tier) ?? str(tags?.Tier);
  if (tagged) return tagged;
  let rest =
    networkName && subnet.name.startsWith(`${networkName}-`)
      ? subnet.name.slice(networkName.length + 1)
      : subnet.name;
  for (const k of known) {
    if (rest === k || rest.startsWith(`${k}-`)) return k;
  }
  rest = rest
    .replace(/-(subnet|sn)$/, "")
    // A trailing AZ: a full name (us-east-1b), a zone letter (a) or an index (0).
    .replace(/-([a-z]{2}(-[a-z]+)+-\d[a-z]|[a-z]|\d+)$/, "");
  return rest || subnet.name;
}

function flowsFrom(rules: readonly FirewallRule[]): FlowView[] {
  const seen = new Map<string, FlowView>();
  for (const r of rules) {
    // Declared flows live in the security-group rules; NACL return traffic and defaults are generated.
    if (r.kind !== "security-group" || r.action !== "allow") continue;
    const label =
      r.ports === "all" || r.protocol === "all" || r.protocol === "-1" ? "all" : `${r.protocol} ${r.ports}`;
    const key = `${r.from}|${r.to}|${label}`;
    if (!seen.has(key)) seen.set(key, { from: r.from, to: r.to, label });
  }
  return [...seen.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.label.localeCompare(b.label),
  );
}

function descendantsOf(resources: readonly CheckResource[], urn: string): CheckResource[] {
  const inside = new Set([urn]);
  const out: CheckResource[] = [];
  // Records arrive parents first, so one pass suffices.
  for (const r of resources) {
    if (r.parent && inside.has(r.parent)) {
      inside.add(r.urn);
      out.push(r);
    }
  }
  return out;
}

function tiersOf(
  subnets: readonly CheckResource[],
  networkName: string | undefined,
  known: Set<string>,
): TierView[] {
  const byTier = new Map<string, SubnetView[]>();
  for (const s of subnets) {
    const tier = tierOf(s, networkName, known);
    const list = byTier.get(tier) ?? [];
    list.push({
      name: s.name,
      az: str(plain(s.properties.availabilityZone)) ?? str(plain(s.properties.availabilityZoneId)) ?? "?",
      cidr: str(plain(s.properties.cidrBlock)),
    });
    byTier.set(tier, list);
  }
  return [...byTier.entries()].map(([name, list]) => ({
    name,
    subnets: list.sort((a, b) => a.az.localeCompare(b.az) || a.name.localeCompare(b.name)),
  }));
}

interface TopologyOutput {
  vpcCidr?: unknown;
  tiers?: { name?: unknown; routing?: unknown; subnets?: unknown }[];
  flows?: { from?: unknown; to?: unknown; protocol?: unknown; ports?: unknown; generated?: unknown }[];
}

/**
 * The view from a component's `topology` output (SegmentedNetwork registers
 * one: tiers with their routing and subnet CIDRs in AZ order, and the flows),
 * read as plain data. Undefined when the output is missing or not that shape.
 */
function fromTopologyOutput(comp: CheckResource): NetworkView | undefined {
  const topo = plain(comp.outputs?.topology) as TopologyOutput | undefined;
  if (!topo || !Array.isArray(topo.tiers) || !Array.isArray(topo.flows)) return undefined;
  const azs = plain(comp.outputs?.availabilityZones);
  const azName = (i: number) =>
    Array.isArray(azs) && typeof azs[i] === "string"
      ? (azs[i] as string)
      : `AZ ${String.fromCharCode(97 + i)}`;
  const tiers: TierView[] = topo.tiers.map((t) => ({
    name: String(t.name),
    routing: str(t.routing),
    subnets: (Array.isArray(t.subnets) ? t.subnets : []).map((cidr, i) => ({
      name: `${comp.name}-${String(t.name)}-${String.fromCharCode(97 + i)}`,
      az: azName(i),
      cidr: str(cidr),
    })),
  }));
  const seen = new Map<string, FlowView>();
  for (const f of topo.flows) {
    if (f.generated === true) continue;
    const protocol = str(f.protocol) ?? "tcp";
    const ports = str(f.ports) ?? "all";
    const label = protocol === "all" || protocol === "-1" || ports === "all" ? "all" : `${protocol} ${ports}`;
    const flow = { from: String(f.from), to: String(f.to), label };
    seen.set(`${flow.from}|${flow.to}|${label}`, flow);
  }
  const flows = [...seen.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.label.localeCompare(b.label),
  );
  return { name: comp.name, cidr: str(topo.vpcCidr), tiers, flows: mergeFlows(flows) };
}

/**
 * One arrow per pair of ends: `tcp 80` and `tcp 443` from the internet to
 * `public` become `tcp 80, 443`; different protocols are listed side by side.
 */
export function mergeFlows(flows: readonly FlowView[]): FlowView[] {
  const byPair = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const f of flows) {
    const key = `${f.from}|${f.to}`;
    const entry = byPair.get(key) ?? { from: f.from, to: f.to, labels: [] };
    if (!entry.labels.includes(f.label)) entry.labels.push(f.label);
    byPair.set(key, entry);
  }
  const portKey = (p: string) => Number(p.split("-")[0]) || 0;
  return [...byPair.values()].map(({ from, to, labels }) => {
    if (labels.includes("all")) return { from, to, label: "all" };
    const byProtocol = new Map<string, string[]>();
    for (const l of labels) {
      const [protocol, ports = ""] = l.split(" ");
      byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), ports]);
    }
    const label = [...byProtocol.entries()]
      .map(([protocol, ports]) => `${protocol} ${ports.sort((a, b) => portKey(a) - portKey(b)).join(", ")}`)
      .join("; ");
    return { from, to, label };
  });
}

/** Builds the topology of every SegmentedNetwork, then of VPCs created outside one. */
export function buildTopology(resources: readonly CheckResource[]): Topology {
  const networks: NetworkView[] = [];
  const claimed = new Set<string>();
  for (const comp of resources.filter((r) => r.type === NETWORK)) {
    const kids = descendantsOf(resources, comp.urn);
    kids.forEach((k) => claimed.add(k.urn));
    const declared = fromTopologyOutput(comp);
    if (declared) {
      networks.push(declared);
      continue;
    }
    const rules = registeredRules(comp) ?? [];
    const known = new Set(rules.flatMap((r) => [r.from, r.to]));
    const vpc = kids.find((k) => k.type === VPC);
    networks.push({
      name: comp.name,
      cidr: vpc ? str(plain(vpc.properties.cidrBlock)) : undefined,
      tiers: tiersOf(
        kids.filter((k) => k.type === SUBNET),
        comp.name,
        known,
      ),
      flows: mergeFlows(flowsFrom(rules)),
    });
  }
  // Raw VPCs: subnets join by the VPC's id (the mocks' id, or the id recorded in state).
  for (const vpc of resources.filter((r) => r.type === VPC && !claimed.has(r.urn))) {
    const subnets = resources.filter(
      (r) =>
        r.type === SUBNET &&
        !claimed.has(r.urn) &&
        vpc.id !== undefined &&
        plain(r.properties.vpcId) === vpc.id,
    );
    networks.push({
      name: vpc.name,
      cidr: str(plain(vpc.properties.cidrBlock)),
      tiers: tiersOf(subnets, vpc.name, new Set()),
      flows: [],
    });
  }
  return { networks };
}
