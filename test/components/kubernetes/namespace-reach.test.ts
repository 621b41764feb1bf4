import { DEFAULT_CHANGE_TICKET_PATTERN } from "../../../components/core/governance";
import { IngressFlow, ingressAllowed, planFlows } from "../../../components/kubernetes/namespace";

const PROM = { namespace: "monitoring", podLabels: { "app.kubernetes.io/name": "prometheus", team: "obs" } };
const API = { app: "api", "paved.dev/owner": "team-a" };
const flow = (over: Partial<IngressFlow>): IngressFlow => ({
  from: { namespace: "monitoring", podSelector: { "app.kubernetes.io/name": "prometheus" } },
  to: "api",
  ports: [9090],
  justification: "scrape",
  ticket: "CHG-1",
  ...over,
});
const policies = (flows: IngressFlow[], allowDns = true) =>
  planFlows({
    workloads: { api: { app: "api" } },
    ingress: flows,
    egress: [],
    allowDns,
    ticketPattern: DEFAULT_CHANGE_TICKET_PATTERN,
  }).policies;
const allowed = (flows: IngressFlow[], q: Partial<Parameters<typeof ingressAllowed>[2]> = {}) =>
  ingressAllowed(policies(flows), "shop", { podLabels: API, port: 9090, from: PROM, ...q });

describe("ingressAllowed over the planned NetworkPolicies", () => {
  test("the default deny refuses, a matching flow admits", () => {
    expect(allowed([])).toBe(false);
    expect(allowed([flow({})])).toBe(true);
  });

  test("the port, the protocol, the namespace and the pod labels must all match", () => {
    expect(allowed([flow({ ports: [9100] })])).toBe(false);
    expect(allowed([flow({ ports: ["9000-9100"] })])).toBe(true);
    expect(allowed([flow({})], { protocol: "UDP" })).toBe(false);
    expect(allowed([flow({})], { from: { ...PROM, namespace: "observability" } })).toBe(false);
    expect(allowed([flow({})], { from: { ...PROM, podLabels: { app: "grafana" } } })).toBe(false);
    expect(allowed([flow({ from: { namespace: "monitoring" } })])).toBe(true);
  });

  test("a flow to another workload does not admit these pods", () => {
    expect(allowed([flow({})], { podLabels: { app: "worker" } })).toBe(false);
  });

  test("a podSelector-only peer is this namespace's pods; an ipBlock never matches a pod", () => {
    const local = flow({ from: { podSelector: { "app.kubernetes.io/name": "prometheus" } } });
    expect(allowed([local])).toBe(false);
    expect(allowed([local], { from: { ...PROM, namespace: "shop" } })).toBe(true);
    expect(allowed([flow({ from: { ipBlock: { cidr: "10.0.0.0/8" } } })])).toBe(false);
  });

  test("pods no Ingress policy selects accept everything (no baseline deny)", () => {
    expect(ingressAllowed([], "shop", { podLabels: API, port: 1, from: PROM })).toBe(true);
  });
});
