import {
  DEV_GOVERNANCE,
  descendants,
  RecordedResource,
  settle,
  useMocks,
  valueOf,
} from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import * as k8s from "@pulumi/kubernetes";
import { PAVED_VERSION } from "../../../components/core/version";
import { NamespaceBaseline, NamespaceBaselineArgs } from "../../../components/kubernetes/namespace";
import { SAMPLE_FLOWS } from "./namespace-fixtures";

const GOV_LABELS = {
  "paved.dev/app-id": "payments-api",
  "paved.dev/owner": "team-payments",
  "paved.dev/cost-center": "cc-1234",
  "paved.dev/data-classification": "confidential",
  "paved.dev/environment": "dev",
  "paved.dev/pattern": "NamespaceBaseline",
  "paved.dev/version": PAVED_VERSION,
};

const SAMPLE: NamespaceBaselineArgs = {
  namespace: "payments",
  workloads: { api: { app: "api" }, db: { app: "db" } },
  flows: SAMPLE_FLOWS,
  egressFlows: [
    {
      from: "api",
      to: { ipBlock: { cidr: "10.60.0.0/24" } },
      ports: [443],
      justification: "card processor gateway",
      ticket: "CHG-103",
    },
  ],
  rbac: { deployerGroups: ["team-payments-deployers"], readerGroups: ["team-payments-readers"] },
};

async function build(name: string, args: NamespaceBaselineArgs) {
  const comp = new NamespaceBaseline(name, args);
  await settle();
  const kids = descendants(records, await valueOf(comp.urn));
  return { comp, kids };
}

function byName(kids: RecordedResource[], name: string): RecordedResource {
  const r = kids.find((k) => k.name === name);
  if (!r) throw new Error(`no child ${name}; have ${kids.map((k) => k.name).join(", ")}`);
  return r;
}

type Meta = { name: string; namespace?: string; labels: Record<string, string> };
const meta = (r: RecordedResource) => r.inputs.metadata as Meta;
const spec = (r: RecordedResource) => r.inputs.spec as Record<string, any>;

describe("NamespaceBaseline with the sample flow set", () => {
  let kids: RecordedResource[];
  let comp: NamespaceBaseline;
  beforeAll(async () => {
    ({ comp, kids } = await build("pay", SAMPLE));
  });

  test("creates exactly the expected objects", () => {
    expect(kids.map((k) => `${k.type} ${k.name}`).sort()).toMatchSnapshot();
    expect(kids.map((k) => k.urn).sort()).toMatchSnapshot("urns");
  });

  test("the namespace carries PSA restricted (enforce, audit, warn) pinned to v1.31 and governance labels", () => {
    const ns = byName(kids, "pay-ns");
    expect(ns.type).toBe("kubernetes:core/v1:Namespace");
    expect(meta(ns)).toEqual({
      name: "payments",
      labels: {
        ...GOV_LABELS,
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "v1.31",
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/audit-version": "v1.31",
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/warn-version": "v1.31",
      },
    });
  });

  test("every namespaced object is in the namespace and carries the governance labels", () => {
    const namespaced = kids.filter((k) => k.type !== "kubernetes:core/v1:Namespace");
    expect(namespaced.length).toBe(kids.length - 1);
    for (const k of namespaced) {
      expect(meta(k).namespace).toBe("payments");
      expect(meta(k).labels).toEqual(GOV_LABELS);
      expect(typeof meta(k).name).toBe("string");
    }
  });

  test("default deny selects every pod for ingress and egress with no rules", () => {
    const np = byName(kids, "pay-np-default-deny");
    expect(np.type).toBe("kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect(meta(np).name).toBe("default-deny");
    expect(spec(np)).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
  });

  test("DNS egress is allowed to kube-dns in kube-system on UDP and TCP 53", () => {
    const np = byName(kids, "pay-np-allow-dns-egress");
    expect(spec(np)).toEqual({
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
              podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
            },
          ],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    });
  });

  test("flow 0: ingress-nginx pods to api on TCP 8080, namespace AND pod selector in one peer", () => {
    const rule = comp.register.find((r) => r.ticket === "CHG-100")!;
    expect(rule.id).toMatch(/^in-api-[0-9a-f]{8}$/);
    const np = byName(kids, `pay-np-allow-${rule.id}`);
    expect(spec(np)).toEqual({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } },
              podSelector: { matchLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
            },
          ],
          ports: [{ protocol: "TCP", port: 8080 }],
        },
      ],
    });
  });

  test("flow 1: api to db in the namespace gets the ingress policy on db and the egress policy on api", () => {
    const rules = comp.register.filter((r) => r.ticket === "CHG-101");
    expect(rules.map((r) => r.direction).sort()).toEqual(["egress", "ingress"]);
    const ingress = rules.find((r) => r.direction === "ingress")!;
    const egress = rules.find((r) => r.direction === "egress")!;
    expect(spec(byName(kids, `pay-np-allow-${ingress.id}`))).toEqual({
      podSelector: { matchLabels: { app: "db" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { app: "api" } } }],
          ports: [{ protocol: "TCP", port: 5432 }],
        },
      ],
    });
    expect(spec(byName(kids, `pay-np-allow-${egress.id}`))).toEqual({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Egress"],
      egress: [
        { to: [{ podSelector: { matchLabels: { app: "db" } } }], ports: [{ protocol: "TCP", port: 5432 }] },
      ],
    });
  });

  test("flow 2: an ipBlock with except to api on a UDP port range uses endPort", () => {
    const rule = comp.register.find((r) => r.ticket === "CHG-102")!;
    expect(spec(byName(kids, `pay-np-allow-${rule.id}`))).toEqual({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ ipBlock: { cidr: "10.50.0.0/16", except: ["10.50.9.0/24"] } }],
          ports: [{ protocol: "UDP", port: 9000, endPort: 9010 }],
        },
      ],
    });
  });

  test("egress flow: api to an address range on TCP 443", () => {
    const rule = comp.register.find((r) => r.ticket === "CHG-103")!;
    expect(rule.id).toMatch(/^eg-api-[0-9a-f]{8}$/);
    expect(spec(byName(kids, `pay-np-allow-${rule.id}`))).toEqual({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "10.60.0.0/24" } }], ports: [{ protocol: "TCP", port: 443 }] }],
    });
  });

  test("the register lists every rule, with generated rules marked, and renders as Markdown", () => {
    expect(comp.register).toHaveLength(2 + 2 + 4 + 1);
    expect(comp.register.every((r) => r.kind === "network-policy")).toBe(true);
    expect(comp.register.filter((r) => r.action === "deny").map((r) => r.id)).toEqual([
      "default-deny-ingress",
      "default-deny-egress",
    ]);
    expect(comp.register.find((r) => r.ticket === "CHG-102")).toMatchObject({
      direction: "ingress",
      from: "10.50.0.0/16 except 10.50.9.0/24",
      to: "workload api pods{app=api}",
      ports: "9000-9010",
      protocol: "udp",
      justification: "on-premises telemetry",
    });
    expect(comp.registerMarkdown).toContain("## Firewall-rule register: namespace payments");
    expect(comp.registerMarkdown).toContain("9 rules.");
    expect(comp.registerMarkdown).toContain(
      "| namespace=ingress-nginx pods{app.kubernetes.io/name=ingress-nginx} |",
    );
  });

  test("ResourceQuota and LimitRange carry the small size's numbers", () => {
    expect(spec(byName(kids, "pay-quota"))).toEqual({
      hard: {
        "requests.cpu": "2",
        "limits.cpu": "4",
        "requests.memory": "4Gi",
        "limits.memory": "8Gi",
        pods: "20",
        persistentvolumeclaims: "5",
        "requests.storage": "50Gi",
        "services.loadbalancers": "0",
        "services.nodeports": "0",
      },
    });
    expect(spec(byName(kids, "pay-limits"))).toEqual({
      limits: [
        {
          type: "Container",
          default: { cpu: "500m", memory: "512Mi" },
          defaultRequest: { cpu: "100m", memory: "128Mi" },
          max: { cpu: "1", memory: "2Gi" },
        },
      ],
    });
  });

  test("the deployer Role lists verbs and resources with no wildcard and no secrets list/watch", () => {
    const role = byName(kids, "pay-deployer");
    expect(role.type).toBe("kubernetes:rbac.authorization.k8s.io/v1:Role");
    const rules = role.inputs.rules as { apiGroups: string[]; resources: string[]; verbs: string[] }[];
    expect(rules.length).toBeGreaterThan(5);
    for (const r of rules) {
      expect([...r.apiGroups, ...r.resources, ...r.verbs]).not.toContain("*");
      if (r.resources.includes("secrets")) expect(r.verbs).not.toEqual(expect.arrayContaining(["list"]));
      if (r.resources.includes("secrets")) expect(r.verbs).not.toContain("watch");
      expect(r.resources).not.toContain("networkpolicies");
      expect(r.resources).not.toContain("pods/exec");
    }
    // No read grant on Secrets by default (k8s-rbac-no-secret-read): create only.
    expect(rules.filter((r) => r.resources.includes("secrets"))).toEqual([
      { apiGroups: [""], resources: ["secrets"], verbs: ["create"] },
    ]);
  });

  test("secretNames: get/update/patch/delete on exactly those Secrets, and the reader still none", async () => {
    const { kids: k } = await build("named", {
      ...SAMPLE,
      namespace: "named",
      rbac: { ...SAMPLE.rbac, secretNames: ["db-credentials", "tls-cert"] },
    });
    const rules = byName(k, "named-deployer").inputs.rules as Record<string, unknown>[];
    expect(rules.filter((r) => (r.resources as string[]).includes("secrets"))).toEqual([
      { apiGroups: [""], resources: ["secrets"], verbs: ["create"] },
      {
        apiGroups: [""],
        resources: ["secrets"],
        verbs: ["get", "update", "patch", "delete"],
        resourceNames: ["db-credentials", "tls-cert"],
      },
    ]);
    const reader = byName(k, "named-reader").inputs.rules as { resources: string[] }[];
    expect(reader.flatMap((r) => r.resources)).not.toContain("secrets");
  });

  test("the reader Role only reads, and never secrets", () => {
    const rules = byName(kids, "pay-reader").inputs.rules as { resources: string[]; verbs: string[] }[];
    for (const r of rules) {
      expect(r.verbs).toEqual(["get", "list", "watch"]);
      expect(r.resources).not.toContain("secrets");
    }
  });

  test("RoleBindings bind each Role to its groups", () => {
    expect(byName(kids, "pay-deployer-binding").inputs).toMatchObject({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "deployer" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "team-payments-deployers" }],
    });
    expect(byName(kids, "pay-reader-binding").inputs).toMatchObject({
      roleRef: { kind: "Role", name: "reader" },
      subjects: [{ kind: "Group", name: "team-payments-readers" }],
    });
  });

  test("the namespace's default ServiceAccount is patched to mount no token", () => {
    const patch = byName(kids, "pay-default-sa");
    expect(patch.type).toBe("kubernetes:core/v1:ServiceAccountPatch");
    expect(meta(patch)).toEqual({ name: "default", namespace: "payments", labels: GOV_LABELS });
    expect(patch.inputs.automountServiceAccountToken).toBe(false);
  });

  test("the workload ServiceAccount does not mount its token", async () => {
    const sa = byName(kids, "pay-sa");
    expect(meta(sa).name).toBe("workload");
    expect(sa.inputs.automountServiceAccountToken).toBe(false);
    expect(await valueOf(comp.serviceAccountName)).toBe("workload");
    expect(await valueOf(comp.namespaceName)).toBe("payments");
  });
});

describe("NamespaceBaseline defaults and options", () => {
  test("with no arguments: namespace named after the component, deny + DNS, no bindings", async () => {
    const { kids, comp } = await build("team-a", {});
    expect(meta(byName(kids, "team-a-ns")).name).toBe("team-a");
    expect(kids.map((k) => k.name).sort()).toEqual([
      "team-a-default-sa",
      "team-a-deployer",
      "team-a-limits",
      "team-a-np-allow-dns-egress",
      "team-a-np-default-deny",
      "team-a-ns",
      "team-a-quota",
      "team-a-reader",
      "team-a-sa",
    ]);
    expect(comp.register.map((r) => r.id)).toEqual([
      "default-deny-ingress",
      "default-deny-egress",
      "dns-egress-udp",
      "dns-egress-tcp",
    ]);
  });

  test("allowDns: false leaves DNS denied", async () => {
    const { kids } = await build("nodns", { allowDns: false });
    expect(kids.some((k) => k.name === "nodns-np-allow-dns-egress")).toBe(false);
  });

  test("size large and overrides change the quota; podSecurityVersion is pinned as given", async () => {
    const { kids } = await build("big", {
      size: "large",
      quota: { pods: 300 },
      limits: { maxMemory: "8Gi" },
      podSecurityVersion: "v1.30",
    });
    expect(spec(byName(kids, "big-quota")).hard).toMatchObject({ "limits.cpu": "64", pods: "300" });
    expect(spec(byName(kids, "big-limits")).limits[0].max).toEqual({ cpu: "4", memory: "8Gi" });
    expect(meta(byName(kids, "big-ns")).labels["pod-security.kubernetes.io/enforce-version"]).toBe("v1.30");
  });

  test("explicit labels win and the provider reaches every child", async () => {
    const provider = new k8s.Provider("cluster", {});
    await settle();
    const { kids } = await build("prov", { labels: { "paved.dev/owner": "team-x", tier: "gold" }, provider });
    const providerUrn = await valueOf(provider.urn);
    for (const k of kids) {
      expect(k.provider.startsWith(providerUrn)).toBe(true);
      expect(meta(k).labels).toMatchObject({ "paved.dev/owner": "team-x", tier: "gold" });
    }
  });

  test("flow ids do not depend on the order of flows or the wording of justifications", async () => {
    const a = await build("order-a", SAMPLE);
    const reworded = SAMPLE_FLOWS.map((f) => ({ ...f, justification: `${f.justification} (reworded)` }));
    const b = await build("order-b", { ...SAMPLE, flows: [...reworded].reverse() });
    expect(b.comp.register.map((r) => r.id).sort()).toEqual(a.comp.register.map((r) => r.id).sort());
  });
});
