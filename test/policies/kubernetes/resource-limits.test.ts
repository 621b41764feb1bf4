import { k8sResourceLimits } from "../../../policies/kubernetes/resource-limits";
import { describePodPolicyTable, mutated, unknown } from "./fixtures";

describePodPolicyTable(k8sResourceLimits, {
  everyKind: {
    mutate: (s) => delete s.containers[0].resources.limits.memory,
    expect: /has no memory limits/,
  },
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
  ],
  pass: [
    {
      name: "ephemeral containers carry no resources",
      mutate: (s) => delete s.ephemeralContainers[0].resources,
    },
  ],
  extraPass: [
    {
      name: "requests not required by config",
      fixture: mutated("Deployment", (s) => delete s.containers[0].resources.requests),
      options: { config: { requireRequests: false } },
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
  ],
  unknown: [{ name: "limits unknown", mutate: (s) => (s.containers[0].resources.limits = unknown) }],
});
