import { k8sResourceLimits } from "../../../policies/kubernetes/resource-limits";
import { describePodPolicyTable, goodPodSpec, mutated, patchOf, unknown, workload } from "./fixtures";

test("resource limits are in the security set (mandatory in prod), advisory by default", () => {
  expect(k8sResourceLimits.securitySet).toBe(true);
  expect(k8sResourceLimits.defaultLevel).toBe("advisory");
});

/** A pod spec with one change to its first container of the given list. */
const specWith = (list: string, change: (c: any) => void) => {
  const spec = goodPodSpec();
  change(spec[list][0]);
  return spec;
};

describePodPolicyTable(k8sResourceLimits, {
  everyKind: {
    mutate: (s) => delete s.containers[0].resources.limits.memory,
    expect: /has no memory limits/,
  },
  // Removing a field is not a finding on a patch: the object it patches may set it.
  patchFails: false,
  containerFail: [
    {
      name: "no resources",
      mutate: (c) => (c.resources = { requests: { cpu: "1", memory: "1Gi" } }),
      expect: /no cpu or memory limits/,
      lists: ["containers", "initContainers"],
    },
    {
      name: "no requests",
      mutate: (c) => (c.resources = { limits: { cpu: "1", memory: "1Gi" } }),
      expect: /no cpu or memory requests/,
      lists: ["containers", "initContainers"],
    },
    {
      name: "no cpu limit",
      mutate: (c) => delete c.resources.limits.cpu,
      expect: /has no cpu limits/,
      lists: ["containers", "initContainers"],
    },
    {
      name: "no memory request",
      mutate: (c) => delete c.resources.requests.memory,
      expect: /has no memory requests/,
      lists: ["containers", "initContainers"],
    },
    {
      name: "an empty cpu request",
      mutate: (c) => (c.resources.requests.cpu = ""),
      expect: /has no cpu requests/,
      lists: ["containers", "initContainers"],
    },
  ],
  podFail: [
    {
      name: "a container with no resources at all: limits and requests",
      mutate: (s) => delete s.containers[0].resources,
      expect: /container "app" has no cpu or memory (limits|requests)/,
      count: 2,
    },
    {
      name: "a second container without limits is found too",
      mutate: (s) => s.containers.push({ ...s.containers[0], name: "sidecar", resources: {} }),
      expect: /container "sidecar" has no cpu or memory (limits|requests)/,
      count: 2,
    },
  ],
  pass: [
    {
      name: "ephemeral containers carry no resources",
      mutate: (s) => delete s.ephemeralContainers[0].resources,
    },
    {
      name: "numeric quantities",
      mutate: (s) =>
        (s.containers[0].resources = {
          limits: { cpu: 1, memory: 268435456 },
          requests: { cpu: 0.5, memory: 134217728 },
        }),
    },
  ],
  extraPass: [
    {
      name: "requests not required by config",
      fixture: mutated("Deployment", (s) => delete s.containers[0].resources.requests),
      options: { config: { requireRequests: false } },
    },
    {
      name: "a DeploymentPatch whose container has no resources (the Deployment sets them)",
      fixture: patchOf(
        "Deployment",
        specWith("containers", (c) => delete c.resources),
      ),
    },
    {
      name: "a StatefulSetPatch with limits but no requests",
      fixture: patchOf(
        "StatefulSet",
        specWith("initContainers", (c) => delete c.resources.requests),
      ),
    },
  ],
  extraFail: [
    {
      name: "limits still required when requests are not",
      fixture: mutated("Deployment", (s) => delete s.containers[0].resources),
      options: { config: { requireRequests: false } },
      expect: /no cpu or memory limits/,
      count: 1,
    },
    ...(["Job", "CronJob", "DaemonSet", "StatefulSet", "Pod", "Rollout"] as const).map((kind) => ({
      name: `an init container without requests in a ${kind}`,
      fixture: workload(
        kind,
        specWith("initContainers", (c) => delete c.resources.requests),
      ),
      expect: /init container "init" has no cpu or memory requests/,
      count: 1,
    })),
    {
      name: "in prod config (mandatory), a missing limit is a mandatory violation",
      fixture: mutated("Job", (s) => delete s.initContainers[0].resources.limits),
      options: { config: { enforcementLevel: "mandatory" } },
      expect: /init container "init" has no cpu or memory limits/,
      count: 1,
    },
  ],
  unknown: [
    { name: "limits unknown", mutate: (s) => (s.containers[0].resources.limits = unknown) },
    {
      name: "init container requests unknown",
      mutate: (s) => (s.initContainers[0].resources.requests = unknown),
    },
  ],
});
