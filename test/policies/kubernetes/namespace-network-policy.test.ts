import { k8sNamespaceNetworkPolicy } from "../../../policies/kubernetes/namespace-network-policy";
import { describePolicyTable, type Fixture, runStackPolicy, unknown, urnOf } from "../harness";

const NS = "kubernetes:core/v1:Namespace";
const NP = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

const ns = (name: string, metaName: unknown = name): Fixture => ({
  type: NS,
  name,
  props: { metadata: { name: metaName } },
});
const DEPLOY = "kubernetes:apps/v1:Deployment";
const deploy = (name: string, namespace?: unknown, dependencies?: string[]): Fixture => ({
  type: DEPLOY,
  name,
  props: {
    metadata: namespace === undefined ? { name } : { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { spec: { containers: [] } } },
  },
  dependencies,
});
const np = (name: string, namespace: unknown, dependencies?: string[]): Fixture => ({
  type: NP,
  name,
  props: {
    metadata: { name: "default-deny", namespace },
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
  },
  dependencies,
});

describePolicyTable(k8sNamespaceNetworkPolicy, {
  base: [ns("team-a"), np("team-a-deny", "team-a"), ns("team-b"), np("team-b-deny", "team-b")],
  pass: [
    {
      name: "a workload in a namespace the stack creates (covered by the namespace's own check)",
      stack: (base) => [...base, deploy("api", "team-a")],
    },
    {
      name: "a workload in the default namespace with a NetworkPolicy of the stack there",
      stack: (base) => [...base, deploy("api"), np("default-deny", "default")],
    },
    {
      name: "a NetworkPolicy with no namespace lands in default too",
      stack: (base) => [...base, deploy("api", "default"), np("default-deny", undefined)],
    },
    {
      name: "a workload in a namespace another stack creates, listed in externalNamespaces",
      stack: (base) => [...base, deploy("api", "shop")],
      options: { config: { externalNamespaces: ["shop"] } },
    },
    {
      name: "a workload whose namespace is unknown but depends on a Namespace of the stack",
      stack: (base) => [...base, deploy("api", unknown, [urnOf(NS, "team-a")])],
    },
    {
      name: "a Deployment patch is not a workload the stack places",
      stack: (base) => [...base, { ...deploy("api"), type: `${DEPLOY}Patch` }],
    },
    {
      name: "a kubernetes provider with its own namespace: unset namespaces are its",
      stack: (base) => [
        ...base,
        { type: "pulumi:providers:kubernetes", name: "k8s", props: { namespace: "team-a" } },
        deploy("api"),
      ],
    },
    {
      name: "matched through the dependency when the namespace is unknown at preview",
      stack: () => [ns("team-a", unknown), np("team-a-deny", unknown, [urnOf(NS, "team-a")])],
    },
    { name: "a stack without namespaces", stack: () => [np("x", "default")] },
    {
      name: "a NetworkPolicy created by a ConfigGroup (same token) covers it",
      stack: () => [
        ns("team-a"),
        { ...np("cg-deny", "team-a"), parentTypes: ["kubernetes:yaml/v2:ConfigGroup"] },
      ],
    },
  ],
  fail: [
    {
      name: "workloads in the default namespace (namespace unset) with no NetworkPolicy: one finding, first blamed",
      stack: (base) => [...base, deploy("api"), deploy("worker"), deploy("web", "default")],
      expect: /Deployment "api" and 2 more workloads run in the "default" namespace and no NetworkPolicy/,
      urn: urnOf(DEPLOY, "api"),
      count: 1,
    },
    {
      name: "a workload in a namespace the stack does not create",
      stack: (base) => [...base, deploy("api", "shop")],
      expect:
        /Deployment "api" runs in namespace "shop", which this stack does not create, .*externalNamespaces/,
      urn: urnOf(DEPLOY, "api"),
      count: 1,
    },
    {
      name: "a CronJob counts as a workload",
      stack: (base) => [...base, { ...deploy("nightly", "batch"), type: "kubernetes:batch/v1:CronJob" }],
      expect: /CronJob "nightly" runs in namespace "batch"/,
      count: 1,
    },
    {
      name: "a NetworkPolicy in another namespace does not cover the workload's",
      stack: (base) => [...base, deploy("api", "shop"), np("x", "shop-2")],
      expect: /namespace "shop"|namespace "shop-2"/,
    },
    {
      name: "a namespace without a NetworkPolicy blames the namespace",
      stack: (base) => base.filter((r) => r.name !== "team-b-deny"),
      expect: /namespace "team-b" has no NetworkPolicy/,
      urn: urnOf(NS, "team-b"),
      count: 1,
    },
    {
      name: "a NetworkPolicy in another namespace does not count",
      stack: () => [ns("team-a"), np("other", "team-c")],
      expect: /namespace "team-a"/,
      count: 1,
    },
    {
      name: "an autonamed namespace (name unset under mocks) with no policy",
      stack: () => [{ type: NS, name: "auto", props: { metadata: {} } }],
      expect: /namespace auto has no NetworkPolicy/,
      urn: urnOf(NS, "auto"),
      count: 1,
    },
    {
      name: "a definite violation is reported even when another namespace cannot be matched",
      stack: () => [ns("team-a"), ns("team-b", unknown), np("p", unknown, [urnOf(NS, "team-b")])],
      expect: /namespace "team-a"/,
      count: 1,
    },
    {
      name: "a definite violation next to a namespace whose name is unknown",
      stack: () => [ns("team-a"), ns("team-c", unknown), np("q", "x")],
      expect: /namespace "team-a"/,
      urn: urnOf(NS, "team-a"),
      count: 1,
    },
    {
      name: "a namespace whose name is unknown, in a stack with no NetworkPolicy at all",
      stack: () => [ns("team-a", unknown)],
      expect: /namespace team-a has no NetworkPolicy/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "NetworkPolicy namespace unknown without a dependency",
      stack: () => [ns("team-a"), np("p", unknown)],
    },
    { name: "namespace name unknown", stack: () => [ns("team-a", unknown), np("p", "team-a")] },
    {
      name: "a workload's namespace unknown (from a stack reference) and no Namespace it depends on",
      stack: (base) => [...base, deploy("api", unknown)],
    },
  ],
});

test("an undecidable namespace gives one advisory 'skipped during preview' note", async () => {
  const vs = await runStackPolicy(k8sNamespaceNetworkPolicy, [ns("team-a"), np("p", unknown)]);
  expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
  expect(vs[0].message).toMatch(
    /skipped during preview: the namespace of a NetworkPolicy or workload for .*team-a is not known/,
  );
});
