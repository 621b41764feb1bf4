/**
 * Fixtures for the Kubernetes pod policies: one compliant pod spec, wrapped in
 * every workload kind that holds one, and a table builder that runs a policy's
 * mutations against every kind and every container list.
 */
import type { PolicyDefinition } from "../../../policies/lib/define";
import { describePolicyTable, type FailCase, type Fixture, type TableCase, unknown } from "../harness";

export { unknown };

/** A container that passes every control. */
export function goodContainer(name: string, withResources = true): any {
  return {
    name,
    image: `registry.example.com/${name}:1.4.2`,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
    ...(withResources
      ? {
          resources: { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } },
        }
      : {}),
  };
}

/** A pod spec that passes every Pod Security control and the Paved extras, with all three container lists. */
export function goodPodSpec(): any {
  return {
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
    containers: [{ ...goodContainer("app"), ports: [{ containerPort: 8080 }] }],
    initContainers: [goodContainer("init")],
    ephemeralContainers: [goodContainer("debug", false)],
    volumes: [
      { name: "tmp", emptyDir: {} },
      { name: "cfg", configMap: { name: "cfg" } },
    ],
  };
}

const template = (spec: unknown) => ({ metadata: { labels: { app: "web" } }, spec });
const selector = { matchLabels: { app: "web" } };

/** Every workload kind: its type token and how its props hold a pod spec. */
export const WORKLOADS: Record<string, { type: string; wrap: (spec: unknown) => Record<string, unknown> }> = {
  Pod: {
    type: "kubernetes:core/v1:Pod",
    wrap: (spec) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec }),
  },
  Deployment: {
    type: "kubernetes:apps/v1:Deployment",
    wrap: (spec) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      spec: { selector, template: template(spec) },
    }),
  },
  StatefulSet: {
    type: "kubernetes:apps/v1:StatefulSet",
    wrap: (spec) => ({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      spec: { serviceName: "web", selector, template: template(spec) },
    }),
  },
  DaemonSet: {
    type: "kubernetes:apps/v1:DaemonSet",
    wrap: (spec) => ({
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      spec: { selector, template: template(spec) },
    }),
  },
  ReplicaSet: {
    type: "kubernetes:apps/v1:ReplicaSet",
    wrap: (spec) => ({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      spec: { selector, template: template(spec) },
    }),
  },
  ReplicationController: {
    type: "kubernetes:core/v1:ReplicationController",
    wrap: (spec) => ({ apiVersion: "v1", kind: "ReplicationController", spec: { template: template(spec) } }),
  },
  Job: {
    type: "kubernetes:batch/v1:Job",
    wrap: (spec) => ({ apiVersion: "batch/v1", kind: "Job", spec: { template: template(spec) } }),
  },
  CronJob: {
    type: "kubernetes:batch/v1:CronJob",
    wrap: (spec) => ({
      apiVersion: "batch/v1",
      kind: "CronJob",
      spec: { schedule: "*/5 * * * *", jobTemplate: { spec: { template: template(spec) } } },
    }),
  },
  Rollout: {
    type: "kubernetes:argoproj.io/v1alpha1:Rollout",
    wrap: (spec) => ({
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Rollout",
      spec: { selector, template: template(spec), strategy: { canary: { steps: [{ setWeight: 20 }] } } },
    }),
  },
};

/** A fixture of the given kind around a pod spec. */
export function workload(kind: keyof typeof WORKLOADS, spec: unknown = goodPodSpec(), name = "web"): Fixture {
  const w = WORKLOADS[kind];
  return { type: w.type, name, props: w.wrap(spec) };
}

/** The fixture with its pod spec changed (on a deep copy). */
export function mutated(kind: keyof typeof WORKLOADS, mutate: (spec: any) => void): Fixture {
  const spec = goodPodSpec();
  mutate(spec);
  return workload(kind, spec);
}

export const CONTAINER_LISTS = ["containers", "initContainers", "ephemeralContainers"] as const;

/** What a pod policy's test declares; {@link describePodPolicyTable} expands it over kinds and lists. */
export interface PodPolicyCases {
  /** Container-level mutations: each must fail once in every container list of a Deployment. */
  readonly containerFail?: readonly {
    name: string;
    mutate: (c: any) => void;
    expect: RegExp;
    lists?: readonly string[];
  }[];
  /** Pod-level mutations that must fail (once, in a Deployment). */
  readonly podFail?: readonly { name: string; mutate: (spec: any) => void; expect: RegExp; count?: number }[];
  /** The mutation checked in every workload kind (fails once in each). */
  readonly everyKind: { mutate: (spec: any) => void; expect: RegExp };
  /** Mutations that must pass. */
  readonly pass?: readonly { name: string; mutate: (spec: any) => void }[];
  /** Mutations that put a preview unknown somewhere this policy reads. */
  readonly unknown: readonly { name: string; mutate: (spec: any) => void }[];
  /** Extra failing rows (config, other fixtures). */
  readonly extraFail?: readonly FailCase[];
  /** Extra passing rows. */
  readonly extraPass?: readonly TableCase[];
  /**
   * Whether the everyKind mutation, written in a DeploymentPatch and a PodPatch, is
   * still a finding: false when it removes a field (a patch is never blamed for a
   * field it leaves out). @default true
   */
  readonly patchFails?: boolean;
}

/** The `...Patch` fixture of a kind around a pod spec: the same shape, the Patch token. */
export function patchOf(kind: keyof typeof WORKLOADS, spec: unknown, name = "web"): Fixture {
  const w = WORKLOADS[kind];
  return { type: `${w.type}Patch`, name, props: w.wrap(spec) };
}

/** A partial patch: one container, named, with a new image and nothing else. */
export function minimalPatchSpec(): any {
  return { containers: [{ name: "app", image: "registry.example.com/app:1.4.3" }] };
}

/** A policy table over a Deployment base, every workload kind and every container list. */
export function describePodPolicyTable(policy: PolicyDefinition, cases: PodPolicyCases): void {
  const kinds = Object.keys(WORKLOADS);
  const fail: FailCase[] = [
    ...kinds.map((kind) => ({
      name: `${kind}: ${cases.everyKind.expect.source}`,
      fixture: mutated(kind, cases.everyKind.mutate),
      expect: cases.everyKind.expect,
      count: 1,
    })),
    {
      name: "a Deployment created by a yaml/v2 ConfigGroup (same type token, component parent)",
      fixture: {
        ...mutated("Deployment", cases.everyKind.mutate),
        parentTypes: ["kubernetes:yaml/v2:ConfigGroup"],
      },
      expect: cases.everyKind.expect,
      count: 1,
    },
    ...(cases.patchFails === false
      ? []
      : (["Deployment", "Pod", "CronJob"] as const).map((kind) => {
          const spec = goodPodSpec();
          cases.everyKind.mutate(spec);
          return {
            name: `a ${kind}Patch that writes the violation: ${cases.everyKind.expect.source}`,
            fixture: patchOf(kind, spec),
            expect: cases.everyKind.expect,
            count: 1,
          };
        })),
    ...(cases.containerFail ?? []).flatMap((c) =>
      (c.lists ?? CONTAINER_LISTS).map((list) => ({
        name: `${c.name} in ${list}`,
        fixture: mutated("Deployment", (spec) => c.mutate(spec[list][0])),
        expect: new RegExp(`${c.expect.source}[^]*spec\\.template\\.spec\\.${list}\\[0\\]`),
        count: 1,
      })),
    ),
    ...(cases.podFail ?? []).map((c) => ({
      name: c.name,
      fixture: mutated("Deployment", c.mutate),
      expect: c.expect,
      count: c.count ?? 1,
    })),
    ...(cases.extraFail ?? []),
  ];
  const pass: TableCase[] = [
    ...kinds.map((kind) => ({ name: `a compliant ${kind}`, fixture: workload(kind) })),
    ...(cases.pass ?? []).map((c) => ({ name: c.name, fixture: mutated("Deployment", c.mutate) })),
    {
      name: "an Argo Rollout with workloadRef (its Deployment is checked itself)",
      fixture: {
        type: WORKLOADS.Rollout.type,
        props: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Rollout",
          spec: { workloadRef: { kind: "Deployment", name: "web" } },
        },
      },
    },
    {
      name: "a DeploymentPatch that does not touch the pod template",
      fixture: { type: "kubernetes:apps/v1:DeploymentPatch", props: { spec: { replicas: 3 } } },
    },
    ...(["Deployment", "Pod", "StatefulSet", "CronJob", "Rollout"] as const).map((kind) => ({
      name: `a partial ${kind}Patch (one container's image) is not blamed for what it leaves out`,
      fixture: patchOf(kind, minimalPatchSpec()),
    })),
    {
      name: "a DeploymentPatch that only adds a pod annotation",
      fixture: {
        type: "kubernetes:apps/v1:DeploymentPatch",
        props: { spec: { template: { metadata: { annotations: { "example.com/rev": "2" } } } } },
      },
    },
    {
      name: "a ConfigMap is not a workload",
      fixture: { type: "kubernetes:core/v1:ConfigMap", props: { data: { a: "b" } } },
    },
    {
      name: "an AWS resource is not a workload",
      fixture: { type: "aws:s3/bucket:Bucket", props: { bucket: "b" } },
    },
    ...(cases.extraPass ?? []),
  ];
  const unknownRows: TableCase[] = [
    ...cases.unknown.map((c) => ({ name: c.name, fixture: mutated("Deployment", c.mutate) })),
    {
      name: "the whole pod template unknown",
      fixture: {
        ...workload("Deployment"),
        props: { apiVersion: "apps/v1", kind: "Deployment", spec: { template: unknown } },
      },
    },
    { name: "the containers list unknown", fixture: mutated("CronJob", (s) => (s.containers = unknown)) },
  ];
  describePolicyTable(policy, { base: workload("Deployment"), pass, fail, unknown: unknownRows });
}
