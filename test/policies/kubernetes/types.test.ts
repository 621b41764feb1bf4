/**
 * Which resources the Kubernetes policies evaluate: each declares its exact
 * type tokens, so AWS resources (and non-workload Kubernetes objects) are
 * skipped before any input is read, while every workload kind, in every API
 * version the provider ships, its `...Patch` variant, objects a ConfigGroup,
 * ConfigFile or Helm chart creates, and the Argo Rollout custom resource, is
 * still checked.
 */
import { policyConfig } from "../../../policies/lib/sdk";
import type { ResourceValidation } from "@pulumi/policy";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isWorkloadKind, kubernetesTypeOf } from "../../../components/kubernetes/workloads";
import { kubernetesPolicies } from "../../../policies/kubernetes";
import { NAMESPACE_TYPE } from "../../../policies/kubernetes/namespace-network-policy";
import { k8sNoPrivileged } from "../../../policies/kubernetes/no-privileged";
import { WORKLOAD_TYPES } from "../../../policies/kubernetes/pod-policy";
import { k8sHelmReleaseNotChecked } from "../../../policies/kubernetes/helm-release-not-checked";
import { BINDING_TYPES, CLUSTER_BINDING_TYPES, ROLE_TYPES } from "../../../policies/kubernetes/rbac";
import { k8sServiceExposure } from "../../../policies/kubernetes/service-exposure";
import type { ResourcePolicyDefinition } from "../../../policies/lib/define";
import { typesText } from "../../../policies/lib/docs";
import { toResourcePolicy } from "../../../policies/lib/sdk";
import { runPolicy } from "../harness";
import { goodPodSpec, WORKLOADS } from "./fixtures";

const resourcePolicies = kubernetesPolicies.filter(
  (p): p is ResourcePolicyDefinition<unknown> => p.kind === "resource",
);
/** The one validation function our SDK adapter builds for a resource policy. */
const validate = (p: ResourcePolicyDefinition<unknown>) =>
  toResourcePolicy(p).validateResource as ResourceValidation;
const podPolicies = resourcePolicies.filter((p) => p.types === WORKLOAD_TYPES);

/** Every resource token the installed @pulumi/kubernetes SDK declares under the workload API groups. */
function sdkTokens(): string[] {
  const root = dirname(require.resolve("@pulumi/kubernetes/package.json"));
  const out = new Set<string>();
  for (const group of ["core", "apps", "batch", "extensions", "rbac"]) {
    for (const version of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!version.isDirectory()) continue;
      for (const file of readdirSync(join(root, group, version.name))) {
        if (!file.endsWith(".js")) continue;
        const m = /__pulumiType = ['"](kubernetes:[^'"]+)['"]/.exec(
          readFileSync(join(root, group, version.name, file), "utf8"),
        );
        if (m) out.add(m[1]);
      }
    }
  }
  return [...out];
}

/** A fixture of any workload token, its pod spec privileged (a violation of k8s-no-privileged). */
function privileged(token: string) {
  const t = kubernetesTypeOf(token)!;
  const spec = goodPodSpec();
  spec.containers[0].securityContext.privileged = true;
  const props =
    t.kind === "PodTemplate"
      ? { apiVersion: t.apiVersion, kind: t.kind, template: { metadata: {}, spec } }
      : { ...WORKLOADS[t.kind].wrap(spec), apiVersion: t.apiVersion };
  return { type: token, name: "web", props };
}

test("the pod policies' types are exactly the provider's workload tokens and their Patches, plus the Argo Rollout", () => {
  const expected = sdkTokens().filter((token) => {
    const t = kubernetesTypeOf(token);
    return t !== undefined && isWorkloadKind(t.kind, t.apiVersion);
  });
  expect(expected.length).toBeGreaterThan(20); // the scan found the SDK
  expect(expected).toContain("kubernetes:apps/v1:DeploymentPatch");
  expect([...WORKLOAD_TYPES].sort()).toEqual(
    [
      ...expected,
      "kubernetes:argoproj.io/v1alpha1:Rollout",
      "kubernetes:argoproj.io/v1alpha1:RolloutPatch",
    ].sort(),
  );
});

test("the RBAC policies' types are exactly the provider's role and binding tokens and their Patches", () => {
  const rbac = sdkTokens().filter((t) => t.startsWith("kubernetes:rbac.authorization.k8s.io/"));
  const kinds = (re: RegExp) => rbac.filter((t) => re.test(t.slice(t.lastIndexOf(":") + 1))).sort();
  expect([...ROLE_TYPES].sort()).toEqual(kinds(/^(Cluster)?Role(Patch)?$/));
  expect([...BINDING_TYPES].sort()).toEqual(kinds(/^(Cluster)?RoleBinding(Patch)?$/));
  expect([...CLUSTER_BINDING_TYPES].sort()).toEqual(kinds(/^ClusterRoleBinding(Patch)?$/));
  expect(ROLE_TYPES).toContain("kubernetes:rbac.authorization.k8s.io/v1beta1:ClusterRolePatch");
});

test("every Kubernetes resource policy declares its types: workloads, Services, Namespaces, RBAC or Helm releases", () => {
  expect(podPolicies.map((p) => p.name)).toHaveLength(13);
  expect(podPolicies.map((p) => p.name)).toContain("k8s-no-plaintext-env-secrets");
  expect(k8sServiceExposure.types).toEqual(["kubernetes:core/v1:Service", "kubernetes:core/v1:ServicePatch"]);
  expect(k8sHelmReleaseNotChecked.types).toEqual(["kubernetes:helm.sh/v3:Release"]);
  const others = resourcePolicies.filter(
    (p) => !podPolicies.includes(p) && p !== k8sServiceExposure && p !== k8sHelmReleaseNotChecked,
  );
  expect(
    others.map((p) => [
      p.name,
      p.types === ROLE_TYPES
        ? "roles"
        : p.types === BINDING_TYPES
          ? "bindings"
          : p.types === CLUSTER_BINDING_TYPES
            ? "cluster bindings"
            : p.types?.join(", "),
    ]),
  ).toEqual([
    ["k8s-namespace-pod-security", "kubernetes:core/v1:Namespace, kubernetes:core/v1:NamespacePatch"],
    ["k8s-rbac-no-cluster-admin-binding", "bindings"],
    ["k8s-rbac-no-wildcards", "roles"],
    ["k8s-rbac-no-escalation-verbs", "roles"],
    ["k8s-rbac-no-secret-read", "roles"],
    ["k8s-rbac-service-account-cluster-binding", "cluster bindings"],
    // Every Kubernetes kind with a bundled API schema, chosen by `appliesTo` (no fixed list).
    ["k8s-api-schema", undefined],
  ]);
  // The one stack policy reads Namespaces and NetworkPolicies from the whole stack.
  expect(kubernetesPolicies.filter((p) => p.kind === "stack").map((p) => p.name)).toEqual([
    "k8s-namespace-network-policy",
  ]);
  expect(NAMESPACE_TYPE).toBe("kubernetes:core/v1:Namespace");
});

describe("other resources are skipped before any input is read", () => {
  /** Analyzer args whose every field but `type` throws: reading one would be evaluating the resource. */
  const untouchable = (type: string) =>
    new Proxy({ type } as Record<string, unknown>, {
      get(target, key) {
        if (key === "type") return target.type;
        throw new Error(`read ${String(key)}`);
      },
    });

  test.each([
    "aws:ec2/instance:Instance",
    "aws:iam/role:Role",
    "kubernetes:core/v1:ConfigMap",
    "kubernetes:core/v1:ConfigMapPatch",
    "kubernetes:core/v1:SecretPatch",
    "kubernetes:yaml/v2:ConfigGroup",
    "kubernetes:yaml:ConfigGroup",
    "kubernetes:helm.sh/v3:Chart",
    "kubernetes:helm.sh/v4:Chart",
  ])("%s", (type) => {
    // k8s-api-schema reads every Kubernetes kind it has a schema for (ConfigMap, Secret, ...): that is its job.
    const schemaChecked = type.startsWith("kubernetes:core/v1:");
    for (const p of resourcePolicies.filter((q) => !(schemaChecked && q.name === "k8s-api-schema"))) {
      if (p.appliesTo) {
        // Skipped by type and config in paved's handler; the SDK path (the harness's reference)
        // runs every check on purpose, so the two can be held to one answer.
        expect(p.appliesTo(type, policyConfig(p, {}))).toBe(false);
        continue;
      }
      const report = jest.fn();
      expect(() => validate(p)(untouchable(type) as never, report)).not.toThrow();
      expect(report).not.toHaveBeenCalled();
    }
  });

  test("a workload is read (the guard above is not vacuous)", () => {
    expect(() => validate(k8sNoPrivileged)(untouchable(WORKLOAD_TYPES[0]) as never, jest.fn())).toThrow(
      /read /,
    );
  });

  test("an AWS resource through the analyzer: no violation, no crash, from any Kubernetes policy", async () => {
    for (const p of resourcePolicies) {
      const vs = await runPolicy(p, {
        type: "aws:ec2/instance:Instance",
        props: { ami: "ami-123", instanceType: "t3.micro", spec: { containers: [{ privileged: true }] } },
      });
      expect(vs).toEqual([]);
    }
  });
});

describe("every workload token is still evaluated", () => {
  test.each([...WORKLOAD_TYPES])("%s", async (token) => {
    const vs = await runPolicy(k8sNoPrivileged, privileged(token));
    expect(vs).toHaveLength(1);
    expect(vs[0].message).toMatch(/container "app" is privileged/);
  });

  /** The components whose objects are registered as ordinary resources under them. */
  test.each([
    ["kubernetes:yaml/v2:ConfigGroup"],
    ["kubernetes:yaml/v2:ConfigFile"],
    ["kubernetes:yaml:ConfigGroup"],
    ["kubernetes:yaml:ConfigFile"],
    ["kubernetes:helm.sh/v3:Chart"],
    ["kubernetes:helm.sh/v4:Chart"],
    ["kubernetes:yaml:ConfigGroup", "kubernetes:yaml:ConfigFile"],
  ])("a Deployment created by %s (same token, component parent) is evaluated", async (...parentTypes) => {
    const fixture = { ...privileged("kubernetes:apps/v1:Deployment"), parentTypes };
    const vs = await runPolicy(k8sNoPrivileged, fixture);
    expect(vs).toHaveLength(1);
    expect(vs[0].message).toMatch(/container "app" is privileged/);
  });
});

test("the docs name a long type list by its kinds, a short one token by token", () => {
  expect(typesText(WORKLOAD_TYPES)).toBe(
    "42 types (Pod, PodTemplate, ReplicationController, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Rollout, PodPatch, PodTemplatePatch, ReplicationControllerPatch, DeploymentPatch, StatefulSetPatch, DaemonSetPatch, ReplicaSetPatch, JobPatch, CronJobPatch, RolloutPatch, in every API version the provider ships)",
  );
  expect(typesText(["kubernetes:core/v1:Service"])).toBe("`kubernetes:core/v1:Service`");
});
