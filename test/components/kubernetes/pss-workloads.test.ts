import {
  UNKNOWN,
  get,
  getPath,
  imagePin,
  isUnknownValue,
  isWorkloadKind,
  kubernetesTypeOf,
  listOf,
  podSpecsOf,
} from "../../../components/kubernetes/workloads";

const SPEC = { containers: [{ name: "app", image: "app:1" }] };
const META = { labels: { app: "x" } };
const template = { metadata: META, spec: SPEC };

describe("podSpecsOf", () => {
  const CASES: [string, string, any, string][] = [
    ["Pod", "v1", { metadata: META, spec: SPEC }, "spec"],
    ["PodTemplate", "v1", { template }, "template.spec"],
    ["ReplicationController", "v1", { spec: { template } }, "spec.template.spec"],
    ["Deployment", "apps/v1", { spec: { template } }, "spec.template.spec"],
    ["StatefulSet", "apps/v1", { spec: { template } }, "spec.template.spec"],
    ["DaemonSet", "apps/v1", { spec: { template } }, "spec.template.spec"],
    ["ReplicaSet", "apps/v1", { spec: { template } }, "spec.template.spec"],
    ["Deployment", "extensions/v1beta1", { spec: { template } }, "spec.template.spec"],
    ["Job", "batch/v1", { spec: { template } }, "spec.template.spec"],
    [
      "CronJob",
      "batch/v1",
      { spec: { jobTemplate: { spec: { template } } } },
      "spec.jobTemplate.spec.template.spec",
    ],
    [
      "CronJob",
      "batch/v1beta1",
      { spec: { jobTemplate: { spec: { template } } } },
      "spec.jobTemplate.spec.template.spec",
    ],
    ["Rollout", "argoproj.io/v1alpha1", { spec: { template } }, "spec.template.spec"],
  ];

  it.each(CASES)("finds the pod spec of a %s (%s)", (kind, apiVersion, obj, path) => {
    expect(podSpecsOf(kind, apiVersion, obj)).toEqual([{ spec: SPEC, path, metadata: META }]);
  });

  it("yields nothing for an Argo Rollout that references a Deployment with workloadRef", () => {
    const obj = { spec: { workloadRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" } } };
    expect(podSpecsOf("Rollout", "argoproj.io/v1alpha1", obj)).toEqual([]);
  });

  it("yields nothing for kinds that hold no pod spec, or a kind in the wrong group", () => {
    expect(podSpecsOf("Service", "v1", { spec: {} })).toEqual([]);
    expect(podSpecsOf("Deployment", "example.com/v1", { spec: { template } })).toEqual([]);
    expect(podSpecsOf(undefined, undefined, undefined)).toEqual([]);
  });

  it("returns an unknown template spec as UNKNOWN, and a missing one as undefined", () => {
    const unknownSpec = { spec: { template: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } };
    expect(podSpecsOf("Deployment", "apps/v1", unknownSpec)[0].spec).toBe(UNKNOWN);
    expect(podSpecsOf("Deployment", "apps/v1", {})[0].spec).toBeUndefined();
  });

  it("recognises workload kinds", () => {
    expect(isWorkloadKind("CronJob", "batch/v1")).toBe(true);
    expect(isWorkloadKind("ConfigMap", "v1")).toBe(false);
  });
});

describe("kubernetesTypeOf", () => {
  it.each([
    ["kubernetes:core/v1:Pod", { apiVersion: "v1", kind: "Pod", patch: false }],
    ["kubernetes:apps/v1:Deployment", { apiVersion: "apps/v1", kind: "Deployment", patch: false }],
    ["kubernetes:batch/v1:CronJob", { apiVersion: "batch/v1", kind: "CronJob", patch: false }],
    [
      "kubernetes:argoproj.io/v1alpha1:Rollout",
      { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", patch: false },
    ],
    ["kubernetes:apps/v1:DeploymentPatch", { apiVersion: "apps/v1", kind: "Deployment", patch: true }],
  ])("splits %s", (token, expected) => {
    expect(kubernetesTypeOf(token)).toEqual(expected);
  });

  it.each(["kubernetes:yaml:ConfigGroup", "aws:iam/role:Role", "kubernetes:core/v1", "random"])(
    "returns undefined for %s",
    (token) => {
      expect(kubernetesTypeOf(token)).toBeUndefined();
    },
  );
});

describe("imagePin", () => {
  it.each([
    ["nginx:1.27.0", "tag"],
    ["registry.example.com:5000/team/app:v2", "tag"],
    ["app@sha256:" + "0".repeat(64), "digest"],
    ["registry:5000/app:1.0@sha256:" + "f".repeat(64), "digest"],
    ["nginx", "untagged"],
    ["registry.example.com:5000/team/app", "untagged"],
    ["nginx:latest", "latest"],
    ["", "invalid"],
    ["app@sha256:short", "invalid"],
    ["app:", "invalid"],
    ["app name:1", "invalid"],
  ])("classifies %j as %s", (image, pin) => {
    expect(imagePin(image)).toBe(pin);
  });
});

describe("safe readers", () => {
  it("turn sentinels, Outputs, promises and throwing reads into UNKNOWN", () => {
    expect(isUnknownValue("dd056dcd-154b-4c76-9bd3-c8f88648b5ff")).toBe(true);
    expect(isUnknownValue({ __pulumiOutput: true })).toBe(true);
    expect(isUnknownValue(Promise.resolve(1))).toBe(true);
    expect(isUnknownValue({ a: 1 })).toBe(false);
    expect(isUnknownValue("plain")).toBe(false);
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error("unknown");
        },
      },
    );
    expect(get(throwing, "x")).toBe(UNKNOWN);
    expect(getPath({ a: throwing }, "a.b.c")).toBe(UNKNOWN);
  });

  it("read absent paths as undefined and lists as arrays", () => {
    expect(getPath({ a: {} }, "a.b.c")).toBeUndefined();
    expect(get("str", "length")).toBeUndefined();
    expect(listOf(undefined)).toEqual([]);
    expect(listOf({})).toBe("invalid");
    expect(listOf(["04da6b54-80e4-46f7-96ec-b56ff0331ba9", 1])).toEqual([UNKNOWN, 1]);
  });
});
