/**
 * Every Kubernetes object the components render, in their main configurations
 * and in the examples, is one the API server would accept: validated strictly
 * (unknown fields, types, formats, CRD enums, required fields) against the
 * pinned schemas of Kubernetes, Argo Rollouts and the Prometheus Operator
 * (policies/kubernetes/schemas/, policies/lib/k8s-api-schema.ts).
 */
import { DEV_GOVERNANCE, descendants, settle, useMocks, valueOf } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import { loadProject } from "../../../cli/project";
import { runProgram } from "../../../cli/engine/run";
import { kubernetesTypeOf } from "../../../components/kubernetes/workloads";
import {
  CanaryRollout,
  EncryptedStorageClass,
  NamespaceBaseline,
  SloAlerts,
  VolumeClaim,
} from "../../../components/kubernetes";
import {
  SCHEMA_KUBERNETES_VERSION,
  SCHEMA_SOURCES,
  hasSchema,
  validateObject,
} from "../../../policies/lib/k8s-api-schema";
import { SAMPLE_FLOWS } from "./namespace-fixtures";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const KEY = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

interface K8sObject {
  readonly where: string;
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** What the API server would reject in each object: `type name: field: why`. */
function rejections(objects: readonly K8sObject[]): string[] {
  const out: string[] = [];
  for (const o of objects) {
    const k = kubernetesTypeOf(o.type)!;
    const problems = validateObject(o.inputs, k.apiVersion, k.kind, { partial: k.patch });
    if (problems === undefined) {
      out.push(`${o.where}: ${o.type} ${o.name}: no schema for ${k.apiVersion} ${k.kind}`);
      continue;
    }
    for (const p of problems) out.push(`${o.where}: ${o.type} ${o.name}: ${p.field}: ${p.why}`);
    // The object was really checked (not skipped as unknown): a stray field is caught.
    const stray = validateObject({ ...o.inputs, zzStray: 1 }, k.apiVersion, k.kind, { partial: k.patch });
    if (stray?.filter((p) => p.field === "zzStray").length !== 1) {
      out.push(`${o.where}: ${o.type} ${o.name}: a stray top-level field was not caught`);
    }
  }
  return out;
}

function kubernetesOf<T extends { type: string }>(rs: readonly T[]): T[] {
  return rs.filter((r) => kubernetesTypeOf(r.type) !== undefined);
}

/** Each configuration: a name and how to build the component(s). */
const CONFIGS: readonly (readonly [string, () => pulumi.ComponentResource[]])[] = [
  ["NamespaceBaseline minimal", () => [new NamespaceBaseline("min", { namespace: "minimal" })]],
  [
    "NamespaceBaseline with flows, egress, RBAC, medium size",
    () => [
      new NamespaceBaseline("pay", {
        namespace: "payments",
        size: "medium",
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
          {
            from: "api",
            to: { namespace: "auth" },
            ports: [8443],
            justification: "token checks",
            ticket: "CHG-104",
          },
        ],
        rbac: {
          deployerGroups: ["team-payments-deployers"],
          readerGroups: ["team-payments-readers"],
          allowSecretsListWatch: true,
        },
      }),
    ],
  ],
  [
    "NamespaceBaseline large with quota and limit overrides",
    () => [
      new NamespaceBaseline("big", {
        namespace: "big",
        size: "large",
        quota: { pods: 200 },
        podSecurityVersion: "v1.30",
      }),
    ],
  ],
  [
    "EncryptedStorageClass gp3 + VolumeClaim",
    () => {
      const sc = new EncryptedStorageClass("gp3", { kmsKeyId: KEY });
      return [sc, new VolumeClaim("data", { storageClass: sc, namespace: "payments", size: "20Gi" })];
    },
  ],
  [
    "EncryptedStorageClass io2 default class + shared block VolumeClaim",
    () => {
      const sc = new EncryptedStorageClass("db", {
        kmsKeyId: KEY,
        className: "io2-db",
        volumeType: "io2",
        iops: 20000,
        fsType: "xfs",
        isDefault: true,
        reclaimPolicy: "Retain",
      });
      return [
        sc,
        new VolumeClaim("shared", {
          storageClass: sc,
          namespace: "payments",
          size: "100Gi",
          accessMode: "ReadWriteMany",
          volumeMode: "Block",
          claimName: "shared-disk",
        }),
      ];
    },
  ],
  [
    "SloAlerts default and tuned",
    () => [
      new SloAlerts("checkout-slo", {
        service: "checkout",
        namespace: "payments",
        labels: { release: "kube-prometheus-stack" },
        runbookUrl: "https://runbooks.example.com/checkout",
      }),
      new SloAlerts("strict", {
        service: "checkout",
        namespace: "payments",
        thresholds: { latencyP99Seconds: 0.3 },
        ruleName: "checkout-strict",
      }),
    ],
  ],
  [
    "CanaryRollout default",
    () => [new CanaryRollout("api", { namespace: "payments", image: "ghcr.io/acme/api:1.4.2" })],
  ],
  [
    "CanaryRollout with every option",
    () => [
      new CanaryRollout("custom", {
        namespace: "payments",
        image: "ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        rolloutName: "custom-api",
        replicas: 10,
        containerPort: 9000,
        readinessPath: "/ready",
        serviceAccountName: "workload",
        env: { LOG_LEVEL: "info" },
        command: ["/app"],
        args: ["--serve"],
        resources: { requests: { cpu: "250m" }, limits: { memory: "1Gi" } },
        steps: [5, 50, 100],
        pauseDuration: "30s",
        labels: { tier: "backend" },
        analysis: { latencyP99Seconds: 0.3, errorRatio: 0.005, service: "payments-api", failureLimit: 0 },
      }),
    ],
  ],
];

describe(`components render objects Kubernetes ${SCHEMA_KUBERNETES_VERSION} and the pinned CRDs accept`, () => {
  test("the schemas are pinned", () => {
    expect(SCHEMA_SOURCES).toEqual([
      expect.stringMatching(/^k8s\.io\/kubernetes@v1\.31\.\d+$/),
      expect.stringMatching(/^k8s\.io\/api@v0\.31\.\d+$/),
      expect.stringMatching(/^github\.com\/argoproj\/argo-rollouts@v1\.8\.\d+$/),
      expect.stringMatching(/^github\.com\/prometheus-operator\/prometheus-operator@v0\.\d+\.\d+$/),
    ]);
  });

  test.each(CONFIGS.map(([name, build]) => [name, build] as const))("%s", async (name, build) => {
    const comps = build();
    await settle();
    const objects: K8sObject[] = [];
    for (const c of comps) {
      for (const r of kubernetesOf(descendants(records, await valueOf(c.urn)))) {
        objects.push({ where: name, type: r.type, name: r.name, inputs: r.inputs });
      }
    }
    expect(objects.length).toBeGreaterThan(0);
    expect(rejections(objects)).toEqual([]);
  });

  test("every kind the components render has a schema", () => {
    const kinds = [...new Set(kubernetesOf(records).map((r) => r.type))].sort();
    expect(kinds).toEqual(
      expect.arrayContaining([
        "kubernetes:argoproj.io/v1alpha1:AnalysisTemplate",
        "kubernetes:argoproj.io/v1alpha1:Rollout",
        "kubernetes:core/v1:LimitRange",
        "kubernetes:core/v1:Namespace",
        "kubernetes:core/v1:PersistentVolumeClaim",
        "kubernetes:core/v1:ResourceQuota",
        "kubernetes:core/v1:ServiceAccount",
        "kubernetes:core/v1:ServiceAccountPatch",
        "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
        "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        "kubernetes:rbac.authorization.k8s.io/v1:Role",
        "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
        "kubernetes:storage.k8s.io/v1:StorageClass",
      ]),
    );
    const missing = kinds.filter((t) => {
      const k = kubernetesTypeOf(t)!;
      return !hasSchema(k.apiVersion, k.kind);
    });
    // A new kind: add its schema to scripts/fetch-k8s-schemas.js and regenerate.
    expect(missing).toEqual([]);
  });

  test("a misspelt field in a rendered object is caught, naming the field and the kind", async () => {
    const rollout = new CanaryRollout("typo", { namespace: "payments", image: "ghcr.io/acme/api:1.4.2" });
    await settle();
    const r = descendants(records, await valueOf(rollout.urn)).find((x) => x.type.endsWith(":Rollout"))!;
    const inputs = structuredClone(r.inputs) as Record<string, any>;
    inputs.spec.replica = inputs.spec.replicas;
    delete inputs.spec.replicas;
    inputs.spec.template.spec.containers[0].imagePullPolic = "Always";
    expect(validateObject(inputs, "argoproj.io/v1alpha1", "Rollout")).toEqual([
      { field: "spec.replica", why: expect.stringMatching(/unknown field \(did you mean "replicas"\?\)/) },
      {
        field: "spec.template.spec.containers[0].imagePullPolic",
        why: expect.stringMatching(/unknown field \(did you mean "imagePullPolicy"\?\)/),
      },
    ]);
  });
});

describe("the examples' Kubernetes objects", () => {
  // team-namespace uses every component; blocked writes a raw Deployment (privileged, but well-formed).
  test.each(["team-namespace", "blocked"])(
    "examples/%s",
    async (example) => {
      const run = await runProgram(loadProject(path.join(ROOT, "examples", example), "dev"));
      const objects = kubernetesOf(run.resources).map((r) => ({
        where: `examples/${example}`,
        type: r.type,
        name: r.name,
        inputs: r.properties,
      }));
      expect(objects.length).toBeGreaterThan(0);
      expect(rejections(objects)).toEqual([]);
    },
    120_000,
  );
});
