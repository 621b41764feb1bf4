/**
 * Which resources the Kubernetes policies evaluate: each declares its exact
 * type tokens, so AWS resources (and non-workload Kubernetes objects) are
 * skipped before any input is read, while every workload kind, in every API
 * version the provider ships, including objects a ConfigGroup creates and the
 * Argo Rollout custom resource, is still checked.
 */
import type { ResourceValidation } from "@pulumi/policy";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isWorkloadKind, kubernetesTypeOf } from "../../../components/kubernetes/workloads";
import { kubernetesPolicies } from "../../../policies/kubernetes";
import { NAMESPACE_TYPE } from "../../../policies/kubernetes/namespace-network-policy";
import { k8sNoPrivileged } from "../../../policies/kubernetes/no-privileged";
import { WORKLOAD_TYPES } from "../../../policies/kubernetes/pod-policy";
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
const podPolicies = resourcePolicies.filter((p) => p !== k8sServiceExposure);

/** Every resource token the installed @pulumi/kubernetes SDK declares under the workload API groups. */
function sdkTokens(): string[] {
  const root = dirname(require.resolve("@pulumi/kubernetes/package.json"));
  const out = new Set<string>();
  for (const group of ["core", "apps", "batch", "extensions"]) {
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

test("the pod policies' types are exactly the provider's workload tokens plus the Argo Rollout", () => {
  const expected = sdkTokens().filter((token) => {
    const t = kubernetesTypeOf(token);
    return t !== undefined && !t.patch && isWorkloadKind(t.kind, t.apiVersion);
  });
  expect(expected.length).toBeGreaterThan(10); // the scan found the SDK
  expect([...WORKLOAD_TYPES].sort()).toEqual([...expected, "kubernetes:argoproj.io/v1alpha1:Rollout"].sort());
});

test("every Kubernetes resource policy declares its types: workloads, or Services", () => {
  expect(podPolicies).toHaveLength(12);
  for (const p of podPolicies) expect(p.types).toEqual(WORKLOAD_TYPES);
  expect(k8sServiceExposure.types).toEqual(["kubernetes:core/v1:Service"]);
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
    "kubernetes:apps/v1:DeploymentPatch",
    "kubernetes:yaml/v2:ConfigGroup",
  ])("%s", (type) => {
    for (const p of resourcePolicies) {
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

  test("a Deployment a ConfigGroup created (same token, ConfigGroup parent) is evaluated", async () => {
    const vs = await runPolicy(k8sNoPrivileged, {
      ...privileged("kubernetes:apps/v1:Deployment"),
      parentTypes: ["kubernetes:yaml/v2:ConfigGroup"],
    });
    expect(vs).toHaveLength(1);
  });
});

test("the docs name a long type list by its kinds, a short one token by token", () => {
  expect(typesText(WORKLOAD_TYPES)).toBe(
    "21 types (Pod, PodTemplate, ReplicationController, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Rollout, in every API version the provider ships)",
  );
  expect(typesText(["kubernetes:core/v1:Service"])).toBe("`kubernetes:core/v1:Service`");
});
