import { buildTopology, mergeFlows, tierOf } from "../../cli/diagram/topology";
import { renderMermaid } from "../../cli/diagram/mermaid";
import { renderSvg } from "../../cli/diagram/svg";
import type { CheckResource } from "../../cli/engine/resource";
import type { FirewallRule } from "../../components/core/register";

const S = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev";
const NET = "urn:pulumi:dev::p::paved:aws:SegmentedNetwork::core";
const SIG = "4dabf18193072939515e22adb298388d";

function res(
  type: string,
  name: string,
  parent: string,
  properties: Record<string, unknown> = {},
  extra: Partial<CheckResource> = {},
): CheckResource {
  const t = type.split("$").pop()!;
  return {
    urn: `urn:pulumi:dev::p::${type}::${name}`,
    type: t,
    name,
    custom: !t.startsWith("paved:"),
    parent,
    dependencies: [],
    properties,
    ...extra,
  };
}

function rule(r: Partial<FirewallRule>): FirewallRule {
  return {
    id: "x",
    kind: "security-group",
    direction: "ingress",
    action: "allow",
    from: "web",
    to: "public",
    ports: "443",
    protocol: "tcp",
    justification: "j",
    ticket: "CHG-1",
    ...r,
  };
}

const register: FirewallRule[] = [
  rule({ id: "a", from: "internet", to: "public", ports: "443" }),
  // The egress side of the same flow: one arrow, not two.
  rule({ id: "a-out", direction: "egress", from: "internet", to: "public", ports: "443" }),
  rule({ id: "b", from: "public", to: "app", ports: "8080" }),
  rule({ id: "c", from: "app", to: "data", ports: "5432" }),
  // NACL return traffic is generated, not a declared flow.
  rule({ id: "n", kind: "network-acl", from: "data", to: "app", ports: "1024-65535", ticket: "generated" }),
];

const resources: CheckResource[] = [
  res("pulumi:pulumi:Stack", "p-dev", ""),
  // Outputs in wire form, with the register wrapped as a secret to prove it is unwrapped.
  res(
    "paved:aws:SegmentedNetwork",
    "core",
    S,
    {},
    { outputs: { register: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: register } } },
  ),
  res("paved:aws:SegmentedNetwork$aws:ec2/vpc:Vpc", "core-vpc", NET, { cidrBlock: "10.0.0.0/16" }),
  ...["public", "app", "data"].flatMap((tier, i) =>
    ["a", "b"].map((az, j) =>
      res("paved:aws:SegmentedNetwork$aws:ec2/subnet:Subnet", `core-${tier}-${az}`, NET, {
        availabilityZone: `us-east-1${az}`,
        cidrBlock: `10.0.${i * 2 + j}.0/24`,
      }),
    ),
  ),
  res("aws:ec2/vpc:Vpc", "legacy", S, { cidrBlock: "172.16.0.0/16" }, { id: "vpc-legacy" }),
  res("aws:ec2/subnet:Subnet", "legacy-sn", S, {
    vpcId: "vpc-legacy",
    availabilityZone: "us-east-1c",
    tags: { tier: "ops" },
  }),
];

describe("buildTopology", () => {
  const topo = buildTopology(resources);

  test("a SegmentedNetwork: its VPC CIDR, tiers and subnets per AZ", () => {
    const core = topo.networks[0];
    expect(core.name).toBe("core");
    expect(core.cidr).toBe("10.0.0.0/16");
    expect(core.tiers.map((t) => [t.name, t.subnets.map((s) => `${s.az} ${s.cidr}`)])).toEqual([
      ["public", ["us-east-1a 10.0.0.0/24", "us-east-1b 10.0.1.0/24"]],
      ["app", ["us-east-1a 10.0.2.0/24", "us-east-1b 10.0.3.0/24"]],
      ["data", ["us-east-1a 10.0.4.0/24", "us-east-1b 10.0.5.0/24"]],
    ]);
  });

  test("flows come from the registered security-group rules, deduplicated, without generated NACL traffic", () => {
    expect(topo.networks[0].flows).toEqual([
      { from: "app", to: "data", label: "tcp 5432", ids: ["c"] },
      { from: "internet", to: "public", label: "tcp 443", ids: ["a", "a-out"] },
      { from: "public", to: "app", label: "tcp 8080", ids: ["b"] },
    ]);
  });

  test("a raw VPC collects its subnets by id; a tier tag names the tier", () => {
    expect(topo.networks[1]).toEqual({
      name: "legacy",
      cidr: "172.16.0.0/16",
      tiers: [{ name: "ops", subnets: [{ name: "legacy-sn", az: "us-east-1c", cidr: undefined }] }],
      flows: [],
    });
  });

  test("tierOf strips the network prefix and the AZ suffix, preferring known tier names", () => {
    const sn = (name: string) => res("aws:ec2/subnet:Subnet", name, S);
    expect(tierOf(sn("core-app-a"), "core", new Set())).toBe("app");
    expect(tierOf(sn("core-app-us-east-1b"), "core", new Set())).toBe("app");
    expect(tierOf(sn("core-web-edge-a"), "core", new Set(["web-edge"]))).toBe("web-edge");
  });
});

test("mergeFlows: one arrow per pair of ends, ports sorted, protocols side by side", () => {
  expect(
    mergeFlows([
      { from: "internet", to: "public", label: "tcp 443" },
      { from: "internet", to: "public", label: "tcp 80" },
      { from: "internet", to: "public", label: "udp 443" },
      { from: "app", to: "data", label: "tcp 5432" },
      { from: "app", to: "data", label: "all" },
    ]),
  ).toEqual([
    { from: "internet", to: "public", label: "tcp 80, 443; udp 443" },
    { from: "app", to: "data", label: "all" },
  ]);
});

describe("renderers", () => {
  const topo = buildTopology(resources);

  test("Mermaid draws a subgraph per tier and a labelled edge per flow; outside ends are round nodes", () => {
    const m = renderMermaid(topo);
    expect(m).toContain('  subgraph net_0_core["core (10.0.0.0/16)"]');
    expect(m).toContain('    subgraph tier_0_app["tier app"]');
    expect(m).toContain('      subnet_0_core_app_a["us-east-1a<br/>10.0.2.0/24"]');
    expect(m).toContain('  ext_0_internet(("internet"))');
    expect(m).toContain('  ext_0_internet -->|"tcp 443<br/>a, a-out"| tier_0_public');
    expect(m).toContain('  tier_0_public -->|"tcp 8080<br/>b"| tier_0_app');
    expect(m).toContain('  tier_0_app -->|"tcp 5432<br/>c"| tier_0_data');
  });

  test("SVG draws one arrow per flow with its label, and escapes text", () => {
    const svg = renderSvg(topo);
    expect(svg.match(/<path class="flow" /g)).toHaveLength(3);
    expect(svg).toContain(">tcp 5432</text>");
    expect(svg).toContain(">a, a-out</text>");
    expect(svg).toContain(">internet</text>");
    const escaped = renderSvg({ networks: [{ name: "a<b>&", tiers: [], flows: [] }] });
    expect(escaped).toContain(">VPC a&lt;b&gt;&amp;</text>");
  });

  test("no network: both formats say so", () => {
    expect(renderMermaid({ networks: [] })).toContain("no network in this program");
    expect(renderSvg({ networks: [] })).toContain("no network in this program");
  });
});
