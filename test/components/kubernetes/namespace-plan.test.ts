import * as fc from "fast-check";
import { DEFAULT_CHANGE_TICKET_PATTERN } from "../../../components/core/governance";
import {
  EgressFlow,
  flowHash,
  FlowPlanInput,
  IngressFlow,
  planFlows,
} from "../../../components/kubernetes/namespace/flows";
import { planQuota, quotaHard, sizeDefaults } from "../../../components/kubernetes/namespace/quota";
import {
  DEFAULT_DEPLOYER_RULES,
  readerRules,
  roleRuleProblems,
  secretRules,
} from "../../../components/kubernetes/namespace/rbac";
import { isLabelKey, selectorProblems } from "../../../components/kubernetes/labels";
import { parseQuantity } from "../../../components/kubernetes/quantity";

const OK: IngressFlow = {
  from: { namespace: "shop", podSelector: { app: "web" } },
  to: "api",
  ports: [8080],
  justification: "web calls api",
  ticket: "CHG-1",
};

function plan(ingress: IngressFlow[], egress: EgressFlow[] = [], extra: Partial<FlowPlanInput> = {}) {
  return planFlows({
    workloads: { api: { app: "api" }, db: { app: "db" } },
    ingress,
    egress,
    allowDns: true,
    ticketPattern: DEFAULT_CHANGE_TICKET_PATTERN,
    ...extra,
  });
}

const codes = (p: { problems: { code: string }[] }) => p.problems.map((x) => x.code);

describe("planFlows", () => {
  test("a valid flow plans default deny, DNS and one ingress policy, with no problems", () => {
    const p = plan([OK]);
    expect(p.problems).toEqual([]);
    expect(p.policies.map((x) => x.name)).toEqual([
      "default-deny",
      "allow-dns-egress",
      `allow-in-api-${flowHash(["ingress", "namespace=shop pods{app=web}", "api", [{ from: 8080, to: 8080 }], "TCP"])}`,
    ]);
  });

  test("the id ignores label order, port order, justification and ticket, and changes with the ports", () => {
    const a = plan([OK]).rules.at(-1)!.id;
    const b = plan([
      {
        ...OK,
        from: { podSelector: { app: "web" }, namespace: "shop" },
        justification: "x",
        ticket: "CHG-9",
      },
    ]).rules.at(-1)!.id;
    const c = plan([{ ...OK, ports: [8081] }]).rules.at(-1)!.id;
    const d = plan([{ ...OK, ports: [443, 8080] }]).rules.at(-1)!.id;
    const e = plan([{ ...OK, ports: [8080, 443] }]).rules.at(-1)!.id;
    expect(d).toBe(e);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  test.each<[string, Partial<IngressFlow>, string, string]>([
    ["unknown workload", { to: "cache" }, "PAVED_K8S_FLOW_UNKNOWN_WORKLOAD", "flows[0].to"],
    ["empty peer", { from: {} }, "PAVED_K8S_FLOW_PEER", "flows[0].from"],
    [
      "ipBlock mixed with a namespace",
      { from: { ipBlock: { cidr: "10.0.0.0/8" }, namespace: "x" } as never },
      "PAVED_K8S_FLOW_PEER",
      "flows[0].from",
    ],
    [
      "every address",
      { from: { ipBlock: { cidr: "0.0.0.0/0" } } },
      "PAVED_K8S_FLOW_ANY_ADDRESS",
      "flows[0].from.ipBlock.cidr",
    ],
    [
      "an invalid CIDR",
      { from: { ipBlock: { cidr: "10.0.0.300/8" } } },
      "PAVED_CIDR_INVALID",
      "flows[0].from.ipBlock.cidr",
    ],
    [
      "an except outside the block",
      { from: { ipBlock: { cidr: "10.0.0.0/16", except: ["10.1.0.0/24"] } } },
      "PAVED_K8S_FLOW_EXCEPT",
      "flows[0].from.ipBlock.except[0]",
    ],
    ["an invalid namespace", { from: { namespace: "Shop" } }, "PAVED_NAME_CHARS", "flows[0].from.namespace"],
    [
      "an empty podSelector",
      { from: { namespace: "shop", podSelector: {} } },
      "PAVED_K8S_SELECTOR_EMPTY",
      "flows[0].from.podSelector",
    ],
    ["no ports", { ports: [] }, "PAVED_K8S_FLOW_PORTS", "flows[0].ports"],
    ["a bad port", { ports: [70000] }, "PAVED_PORT_RANGE", "flows[0].ports[0]"],
    ["a bad protocol", { protocol: "ICMP" as never }, "PAVED_K8S_FLOW_PROTOCOL", "flows[0].protocol"],
    ["no justification", { justification: " " }, "PAVED_K8S_FLOW_JUSTIFICATION", "flows[0].justification"],
    ["a malformed ticket", { ticket: "JIRA-1" }, "PAVED_K8S_FLOW_TICKET", "flows[0].ticket"],
  ])("%s is a problem", (_what, change, code, arg) => {
    const p = plan([{ ...OK, ...change }]);
    expect(codes(p)).toContain(code);
    expect(p.problems.find((x) => x.code === code)!.arg).toBe(arg);
  });

  test("a duplicate flow is a problem naming the first", () => {
    const p = plan([OK, { ...OK, justification: "again" }]);
    expect(p.problems).toEqual([
      expect.objectContaining({ code: "PAVED_K8S_FLOW_DUPLICATE", arg: "flows[1]" }),
    ]);
    expect(p.problems[0].problem).toContain("flows[0]");
  });

  test("an egress flow to pods of the namespace is refused (declare it as ingress)", () => {
    const p = plan(
      [],
      [
        {
          from: "api",
          to: { podSelector: { app: "db" } },
          ports: [5432],
          justification: "j",
          ticket: "CHG-2",
        },
      ],
    );
    expect(p.problems).toEqual([
      expect.objectContaining({ code: "PAVED_K8S_FLOW_EGRESS_LOCAL", arg: "egressFlows[0].to" }),
    ]);
  });

  test("an egress flow from an unknown workload is refused", () => {
    const p = plan(
      [],
      [{ from: "web", to: { namespace: "x" }, ports: [1], justification: "j", ticket: "CHG-2" }],
    );
    expect(codes(p)).toEqual(["PAVED_K8S_FLOW_UNKNOWN_WORKLOAD"]);
  });

  test("an egress flow to a namespace only selects the namespace", () => {
    const p = plan(
      [],
      [{ from: "api", to: { namespace: "billing" }, ports: [443], justification: "j", ticket: "CHG-2" }],
    );
    expect(p.policies.at(-1)!.spec.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "billing" } } }],
        ports: [{ protocol: "TCP", port: 443 }],
      },
    ]);
  });

  test("invalid workloads are problems", () => {
    const p = plan([], [], { workloads: { Api: { app: "api" }, db: {} } });
    expect(codes(p).sort()).toEqual(["PAVED_K8S_SELECTOR_EMPTY", "PAVED_NAME_CHARS"]);
  });

  test("allowDns false plans no DNS policy or rules", () => {
    const p = plan([], [], { allowDns: false });
    expect(p.policies.map((x) => x.name)).toEqual(["default-deny"]);
    expect(p.rules.map((r) => r.id)).toEqual(["default-deny-ingress", "default-deny-egress"]);
  });
});

describe("planQuota", () => {
  test.each(["small", "medium", "large"] as const)("the %s defaults fit together", (size) => {
    expect(planQuota(size).problems).toEqual([]);
  });

  test("medium numbers as documented", () => {
    expect(quotaHard(sizeDefaults("medium").quota)).toMatchObject({
      "requests.cpu": "8",
      "limits.cpu": "16",
      "requests.memory": "16Gi",
      "limits.memory": "32Gi",
      pods: "50",
    });
    expect(sizeDefaults("medium").limits.maxMemory).toBe("4Gi");
  });

  test("overrides apply field by field", () => {
    const p = planQuota("small", { pods: 40 }, { maxCpu: "2", defaultCpu: undefined });
    expect(p.quota.pods).toBe(40);
    expect(p.quota.limitsCpu).toBe("4");
    expect(p.limits.maxCpu).toBe("2");
    expect(p.limits.defaultCpu).toBe("500m");
  });

  test("a container max above the namespace limit is a problem naming both", () => {
    const p = planQuota("small", { limitsMemory: "1Gi", requestsMemory: "1Gi" });
    expect(p.problems).toEqual([
      expect.objectContaining({ arg: "quota.limitsMemory", code: "PAVED_K8S_QUOTA_TOO_SMALL" }),
    ]);
    expect(p.problems[0].problem).toBe("(1Gi) is smaller than limits.maxMemory (2Gi)");
  });

  test("requests above limits, default above max, and default request above default are problems", () => {
    expect(codes(planQuota("small", { requestsCpu: "5" }))).toContain("PAVED_K8S_QUOTA_TOO_SMALL");
    expect(planQuota("small", {}, { defaultCpu: "2" }).problems.map((x) => x.arg)).toEqual(["limits.maxCpu"]);
    expect(planQuota("small", {}, { defaultRequestMemory: "1Gi" }).problems.map((x) => x.arg)).toEqual([
      "limits.defaultMemory",
    ]);
  });

  test("overrides that are not an object, or name unknown fields, are problems, not TypeErrors", () => {
    const notObject = planQuota("small", null as never, "4" as never).problems;
    expect(notObject.map((x) => [x.arg, x.code])).toEqual([
      ["quota", "PAVED_K8S_QUANTITY"],
      ["limits", "PAVED_K8S_QUANTITY"],
    ]);
    const unknown = planQuota("small", { cpu: "2" } as never).problems;
    expect(unknown).toEqual([expect.objectContaining({ arg: "quota.cpu", problem: "is not a field" })]);
    expect(unknown[0].fix).toContain("requestsCpu");
  });

  test("invalid quantities and sizes are problems", () => {
    expect(codes(planQuota("small", { limitsCpu: "four" }))).toEqual(["PAVED_K8S_QUANTITY"]);
    expect(codes(planQuota("small", { pods: 2.5 }))).toEqual(["PAVED_K8S_QUANTITY"]);
    expect(codes(planQuota("huge" as never))).toEqual(["PAVED_K8S_SIZE"]);
  });
});

describe("RBAC rules", () => {
  test("the default deployer rules pass their own checks", () => {
    expect(roleRuleProblems(DEFAULT_DEPLOYER_RULES, "r", { allowSecretsListWatch: false })).toEqual([]);
  });

  test.each<[string, { apiGroups: string[]; resources: string[]; verbs: string[] }, string]>([
    ["a wildcard verb", { apiGroups: [""], resources: ["pods"], verbs: ["*"] }, "PAVED_K8S_RBAC_WILDCARD"],
    [
      "a wildcard group",
      { apiGroups: ["*"], resources: ["pods"], verbs: ["get"] },
      "PAVED_K8S_RBAC_WILDCARD",
    ],
    [
      "escalate",
      { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["escalate"] },
      "PAVED_K8S_RBAC_ESCALATION",
    ],
    [
      "pods/exec",
      { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
      "PAVED_K8S_RBAC_RESERVED",
    ],
    [
      "networkpolicies",
      { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["patch"] },
      "PAVED_K8S_RBAC_RESERVED",
    ],
    [
      "secrets watch",
      { apiGroups: [""], resources: ["secrets"], verbs: ["watch"] },
      "PAVED_K8S_RBAC_SECRETS",
    ],
    ["empty verbs", { apiGroups: [""], resources: ["pods"], verbs: [] }, "PAVED_K8S_RBAC_EMPTY"],
  ])("%s is a problem", (_what, rule, code) => {
    expect(roleRuleProblems([rule], "r", { allowSecretsListWatch: false }).map((p) => p.code)).toContain(
      code,
    );
  });

  test("get on secrets needs resourceNames (or the stated list/watch flag)", () => {
    const get = { apiGroups: [""], resources: ["secrets"], verbs: ["get"] };
    expect(roleRuleProblems([get], "r", { allowSecretsListWatch: false }).map((p) => p.code)).toEqual([
      "PAVED_K8S_RBAC_SECRETS",
    ]);
    expect(
      roleRuleProblems([{ ...get, resourceNames: ["db"] }], "r", { allowSecretsListWatch: false }),
    ).toEqual([]);
    expect(roleRuleProblems([get], "r", { allowSecretsListWatch: true })).toEqual([]);
  });

  test("secretRules: the verbs the provider needs, on the named Secrets only", () => {
    expect(secretRules([])).toEqual([]);
    expect(secretRules(["db"])).toEqual([
      {
        apiGroups: [""],
        resources: ["secrets"],
        verbs: ["get", "update", "patch", "delete"],
        resourceNames: ["db"],
      },
    ]);
    expect(roleRuleProblems(secretRules(["db"]), "r", { allowSecretsListWatch: false })).toEqual([]);
  });

  test("the default deployer rules grant no read on Secrets", () => {
    const secrets = DEFAULT_DEPLOYER_RULES.filter((r) => r.resources.includes("secrets"));
    expect(secrets).toEqual([{ apiGroups: [""], resources: ["secrets"], verbs: ["create"] }]);
  });

  test("an empty rule list is a problem", () => {
    expect(roleRuleProblems([], "r", { allowSecretsListWatch: false }).map((p) => p.code)).toEqual([
      "PAVED_K8S_RBAC_EMPTY",
    ]);
  });

  test("reader rules read the deployer's resources except secrets", () => {
    const r = readerRules([
      { apiGroups: [""], resources: ["secrets", "configmaps"], verbs: ["create"] },
      { apiGroups: [""], resources: ["secrets"], verbs: ["get"] },
    ]);
    expect(r).toEqual([{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }]);
  });
});

describe("labels and quantities", () => {
  test("label keys", () => {
    expect(isLabelKey("app")).toBe(true);
    expect(isLabelKey("app.kubernetes.io/name")).toBe(true);
    expect(isLabelKey("Bad Key")).toBe(false);
    expect(isLabelKey("UPPER.example/x")).toBe(false);
  });

  test("selector problems name the label", () => {
    expect(selectorProblems({ app: "bad value" }, "s")).toEqual([
      expect.objectContaining({ arg: 's["app"]', code: "PAVED_LABEL_INVALID" }),
    ]);
  });

  test.each<[string | number, number | undefined]>([
    ["500m", 0.5],
    ["2", 2],
    ["512Mi", 512 * 2 ** 20],
    ["1Gi", 2 ** 30],
    ["1G", 1e9],
    ["1Ti", 2 ** 40],
    ["1e3", 1000],
    ["1.5", 1.5],
    [3, 3],
    ["ten", undefined],
    ["1Gb", undefined],
    ["", undefined],
  ])("parseQuantity(%p) = %p", (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });
});

describe("planFlows properties", () => {
  const peer = fc.oneof(
    fc.record({ namespace: fc.constantFrom("shop", "billing", "ingress-nginx") }),
    fc.record({ podSelector: fc.constantFrom({ app: "web" }, { app: "api" }, { app: "web", tier: "edge" }) }),
    fc.record({
      namespace: fc.constantFrom("shop", "billing"),
      podSelector: fc.constantFrom({ app: "web" }, { role: "client" }),
    }),
    fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom("10.1.0.0/16", "192.168.4.0/24") }) }),
  );
  const flow = fc.record({
    from: peer,
    to: fc.constantFrom("api", "db"),
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 3 }),
    protocol: fc.constantFrom("TCP" as const, "UDP" as const),
    justification: fc.constant("needed"),
    ticket: fc.constant("CHG-1"),
  }) as unknown as fc.Arbitrary<IngressFlow>;
  const byName = (flows: IngressFlow[]) =>
    Object.fromEntries(plan(flows).policies.map((p) => [p.name, p.spec]));

  test("the policies do not depend on the order of the flows", () => {
    const flowsAndPermutation = fc
      .uniqueArray(flow, {
        maxLength: 6,
        selector: (f) => JSON.stringify([f.from, f.to, f.ports, f.protocol]),
      })
      .chain((flows) =>
        fc.tuple(
          fc.constant(flows),
          fc.shuffledSubarray(flows, { minLength: flows.length, maxLength: flows.length }),
        ),
      );
    fc.assert(
      fc.property(flowsAndPermutation, ([flows, shuffled]) => {
        const p = plan(flows);
        // Two flows that differ only in port order allow the same traffic: the duplicate check catches them.
        if (p.problems.length > 0) return p.problems.every((x) => x.code === "PAVED_K8S_FLOW_DUPLICATE");
        expect(byName(shuffled)).toEqual(byName(flows));
        return true;
      }),
      { numRuns: 150 },
    );
  });

  test("every policy name is a valid, unique Kubernetes name and every rule id is unique", () => {
    fc.assert(
      fc.property(fc.array(flow, { maxLength: 6 }), (flows) => {
        const p = plan(flows);
        const names = p.policies.map((x) => x.name);
        expect(new Set(names).size).toBe(names.length);
        for (const n of names) expect(n).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        const ids = p.rules.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 150 },
    );
  });
});
