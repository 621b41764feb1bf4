import { DEV_GOVERNANCE, settle, useMocks } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import { errorOf } from "../validation-error";
import { NamespaceBaseline, NamespaceBaselineArgs } from "../../../components/kubernetes/namespace";
import { SAMPLE_FLOWS } from "./namespace-fixtures";

describe("NamespaceBaseline bad input", () => {
  test.each([
    ["an invalid namespace name", { namespace: "Payments_NS" }, "PAVED_NAME_CHARS", "namespace"],
    ["a too-long namespace name", { namespace: "a".repeat(64) }, "PAVED_NAME_LENGTH", "namespace"],
    [
      "an unpinned PSS version",
      { podSecurityVersion: "latest" },
      "PAVED_K8S_PSS_VERSION",
      "podSecurityVersion",
    ],
    [
      "a quota smaller than the limits",
      { quota: { limitsCpu: "500m" } },
      "PAVED_K8S_QUOTA_TOO_SMALL",
      "quota.limitsCpu",
    ],
    [
      "a flow to an unknown workload",
      { workloads: { api: { app: "api" } }, flows: [{ ...SAMPLE_FLOWS[0], to: "web" }] },
      "PAVED_K8S_FLOW_UNKNOWN_WORKLOAD",
      "flows[0].to",
    ],
    [
      "a wildcard deployer rule",
      { rbac: { deployerRules: [{ apiGroups: ["apps"], resources: ["*"], verbs: ["get"] }] } },
      "PAVED_K8S_RBAC_WILDCARD",
      "rbac.deployerRules[0].resources",
    ],
    [
      "secrets list without saying so",
      { rbac: { deployerRules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }] } },
      "PAVED_K8S_RBAC_SECRETS",
      "rbac.deployerRules[0].verbs",
    ],
    [
      "get on every secret",
      { rbac: { deployerRules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "patch"] }] } },
      "PAVED_K8S_RBAC_SECRETS",
      "rbac.deployerRules[0].verbs",
    ],
    [
      "an invalid secret name",
      { rbac: { secretNames: ["DB creds"] } },
      "PAVED_NAME_CHARS",
      "rbac.secretNames[0]",
    ],
    [
      "a repeated secret name",
      { rbac: { secretNames: ["db", "db"] } },
      "PAVED_K8S_RBAC_SECRETS",
      "rbac.secretNames[1]",
    ],
    [
      "secret names that are not a list",
      { rbac: { secretNames: "db" as never } },
      "PAVED_ARG_NOT_A_LIST",
      "rbac.secretNames",
    ],
    [
      "a system group binding",
      { rbac: { readerGroups: ["system:masters"] } },
      "PAVED_K8S_RBAC_GROUP",
      "rbac.readerGroups[0]",
    ],
    [
      "an invalid service account name",
      { serviceAccountName: "Workload" },
      "PAVED_NAME_CHARS",
      "serviceAccountName",
    ],
    ["a cluster-owned namespace", { namespace: "kube-system" }, "PAVED_K8S_NAMESPACE_RESERVED", "namespace"],
    [
      "a label that would weaken Pod Security Admission",
      { labels: { "pod-security.kubernetes.io/enforce": "privileged" } },
      "PAVED_K8S_PSA_OVERRIDE",
      'labels["pod-security.kubernetes.io/enforce"]',
    ],
  ] as [string, NamespaceBaselineArgs, string, string][])("%s is refused", (_what, args, code, arg) => {
    const err = errorOf(() => new NamespaceBaseline("bad", args));
    expect(err.hasCode(code)).toBe(true);
    const p = err.problems.find((x) => x.code === code)!;
    expect(p.arg).toBe(arg);
    expect(err.message).toContain(`NamespaceBaseline "bad": ${arg} `);
    expect(p.fix.length).toBeGreaterThan(5);
  });

  test("an invalid component name is refused when it is the namespace", () => {
    const err = errorOf(() => new NamespaceBaseline("Team_A", {}));
    expect(err.problems[0]).toMatchObject({ arg: "name", code: "PAVED_NAME_CHARS" });
  });

  test("secrets list/watch is allowed when stated", () => {
    expect(
      () =>
        new NamespaceBaseline("stated", {
          rbac: {
            deployerRules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }],
            allowSecretsListWatch: true,
          },
        }),
    ).not.toThrow();
  });

  test("every problem is reported at once, and nothing is created", async () => {
    const before = records.length;
    const err = errorOf(
      () =>
        new NamespaceBaseline("many", {
          namespace: "BAD",
          quota: { limitsMemory: "1Gi" },
          flows: [{ ...SAMPLE_FLOWS[0], ticket: "" }],
        }),
    );
    expect(err.problems.map((p) => p.code).sort()).toEqual([
      "PAVED_K8S_FLOW_TICKET",
      "PAVED_K8S_FLOW_UNKNOWN_WORKLOAD",
      "PAVED_K8S_QUOTA_TOO_SMALL",
      "PAVED_K8S_QUOTA_TOO_SMALL",
      "PAVED_NAME_CHARS",
    ]);
    await settle();
    const created = records.slice(before).filter((r) => r.name.startsWith("many-"));
    expect(created).toEqual([]);
  });
});
