import { k8sApiSchema } from "../../../policies/kubernetes/api-schema";
import { describePolicyTable, type Fixture, runPolicy, unknown } from "../harness";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

const deployment = (): Fixture => ({
  type: DEPLOYMENT,
  name: "web",
  props: {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop", labels: { "app.kubernetes.io/name": "web" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { "app.kubernetes.io/name": "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      template: {
        metadata: { labels: { "app.kubernetes.io/name": "web" } },
        spec: {
          containers: [
            {
              name: "web",
              image: "nginx:1.27.3",
              imagePullPolicy: "IfNotPresent",
              ports: [{ containerPort: 8080, name: "http" }],
              readinessProbe: { httpGet: { path: "/healthz", port: "http" } },
              resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: 1, memory: "256Mi" } },
            },
          ],
        },
      },
    },
  },
});

type Obj = Record<string, any>;
const podSpec = (p: Obj): Obj => p.spec.template.spec;
const container = (p: Obj): Obj => podSpec(p).containers[0];
const edit =
  (f: (p: Obj) => void) =>
  (p: Record<string, unknown>): Record<string, unknown> => {
    f(p);
    return p;
  };

const rollout = (spec: Obj): Fixture => ({
  type: "kubernetes:argoproj.io/v1alpha1:Rollout",
  name: "canary",
  props: {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Rollout",
    metadata: { name: "canary" },
    spec,
  },
});
const rolloutSpec = (): Obj => ({
  replicas: 3,
  selector: { matchLabels: { app: "canary" } },
  template: {
    metadata: { labels: { app: "canary" } },
    spec: { containers: [{ name: "app", image: "app:1.0" }] },
  },
  strategy: { canary: { steps: [{ setWeight: 10 }, { pause: { duration: "2m" } }] } },
});
const rule = (r: Obj): Fixture => ({
  type: "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
  name: "slo",
  props: {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "slo" },
    spec: { groups: [{ name: "slo", rules: [r] }] },
  },
});
/** A PrometheusRule with one recording rule, its group's fields set. */
const ruleGroup = (group: Obj): Fixture => {
  const f = rule({ record: "job:errors:rate5m", expr: "rate(x[5m])" });
  Object.assign((f.props as Obj).spec.groups[0], group);
  return f;
};

describePolicyTable(k8sApiSchema, {
  base: deployment(),
  pass: [
    {
      name: "no apiVersion/kind in the inputs (derived from the type token)",
      patch: { apiVersion: undefined, kind: undefined },
    },
    { name: "autonamed: no metadata.name", patch: edit((p) => delete p.metadata.name) },
    { name: "int-or-string as an integer", patch: edit((p) => (p.spec.strategy.rollingUpdate.maxSurge = 1)) },
    {
      name: "int-or-string port as a number",
      patch: edit((p) => (container(p).readinessProbe.httpGet.port = 8080)),
    },
    {
      name: "a quantity as a number",
      patch: edit((p) => (container(p).resources.limits.memory = 268435456)),
    },
    { name: "null means unset", patch: edit((p) => (p.spec.paused = null)) },
    {
      name: "a secret (wire form) is read as its value",
      patch: edit(
        (p) =>
          (container(p).env = [
            {
              name: "TOKEN",
              value: {
                "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                value: "s3cret",
              },
            },
          ]),
      ),
    },
    {
      name: "a Namespace",
      fixture: { type: "kubernetes:core/v1:Namespace", props: { metadata: { labels: { a: "b" } } } },
    },
    {
      name: "a server-side-apply patch needs no required field",
      fixture: { type: "kubernetes:apps/v1:DeploymentPatch", props: { spec: { replicas: 3 } } },
    },
    { name: "an Argo Rollout", fixture: rollout(rolloutSpec()) },
    {
      name: "a PrometheusRule alert",
      fixture: rule({
        alert: "HighErrors",
        expr: "rate(x[5m]) > 1",
        for: "5m",
        labels: { severity: "page" },
      }),
    },
    {
      name: "a Go (?i) pattern matches case-insensitively (partial_response_strategy WARN)",
      fixture: ruleGroup({ partial_response_strategy: "WARN" }),
    },
    {
      name: "a kind without a bundled schema is not checked",
      fixture: {
        type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
        props: { spec: { whatever: 1 } },
      },
    },
    {
      name: "a kind in skipKinds",
      patch: { spec: { replica: 3 } },
      options: { config: { skipKinds: ["Deployment"] } },
    },
    {
      name: "a kind in skipKinds by apiVersion/Kind",
      fixture: rollout({ ...rolloutSpec(), replica: 3 }),
      options: { config: { skipKinds: ["argoproj.io/v1alpha1/Rollout"] } },
    },
    {
      name: "not a Kubernetes resource",
      fixture: { type: "aws:s3/bucket:Bucket", props: { bucket: "x", whatever: 1 } },
    },
  ],
  fail: [
    {
      name: "a value a Go (?i) pattern rejects (partial_response_strategy)",
      fixture: ruleGroup({ partial_response_strategy: "sometimes" }),
      expect: /PrometheusRule spec\.groups\[0\]\.partial_response_strategy: must match pattern/,
      count: 1,
    },
    {
      name: "spec.replica misspelt",
      patch: edit((p) => {
        p.spec.replica = p.spec.replicas;
        delete p.spec.replicas;
      }),
      expect:
        /the API server would reject: Deployment spec\.replica: unknown field \(did you mean "replicas"\?\)/,
      count: 1,
    },
    {
      name: "containers[0].imagePullPolic misspelt",
      patch: edit((p) => {
        container(p).imagePullPolic = "Always";
        delete container(p).imagePullPolicy;
      }),
      expect:
        /Deployment spec\.template\.spec\.containers\[0\]\.imagePullPolic: unknown field \(did you mean "imagePullPolicy"\?\)/,
      count: 1,
    },
    {
      name: "a string where an integer belongs",
      patch: edit((p) => (p.spec.replicas = "2")),
      expect: /Deployment spec\.replicas: must be an integer, got the string "2"/,
      count: 1,
    },
    {
      name: "an enum of the Go API types (imagePullPolicy in the wrong case)",
      patch: edit((p) => (container(p).imagePullPolicy = "always")),
      expect:
        /containers\[0\]\.imagePullPolicy: must be one of "Always", "IfNotPresent", "Never"; got the string "always"/,
      count: 1,
    },
    {
      name: "an enum inside a list (NetworkPolicy policyTypes)",
      fixture: {
        type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        props: { spec: { podSelector: {}, policyTypes: ["Ingres"] } },
      },
      expect: /NetworkPolicy spec\.policyTypes\[0\]: must be one of "Egress", "Ingress"/,
      count: 1,
    },
    {
      name: "an int32 out of range",
      patch: edit((p) => (container(p).ports[0].containerPort = 2 ** 40)),
      expect: /containerPort: must be a 32-bit integer/,
      count: 1,
    },
    {
      name: "a required field missing (container name)",
      patch: edit((p) => delete container(p).name),
      expect: /Deployment spec\.template\.spec\.containers\[0\]\.name: required field is missing/,
      count: 1,
    },
    {
      name: "a required field missing (selector)",
      patch: edit((p) => delete p.spec.selector),
      expect: /Deployment spec\.selector: required field is missing/,
      count: 1,
    },
    {
      name: "int-or-string given a boolean",
      patch: edit((p) => (p.spec.strategy.rollingUpdate.maxSurge = true)),
      expect: /maxSurge: must be an integer or a string, got boolean true/,
      count: 1,
    },
    {
      name: "a list where an object belongs",
      patch: edit((p) => (p.spec.selector = [])),
      expect: /Deployment spec\.selector: must be an object, got a list/,
    },
    {
      name: "an unknown field in metadata",
      patch: edit((p) => (p.metadata.label = { a: "b" })),
      expect: /Deployment metadata\.label: unknown field \(did you mean "labels"\?\)/,
      count: 1,
    },
    {
      name: "a misplaced field (resources on the pod spec) with no close match",
      patch: edit((p) => (podSpec(p).resourcez = {})),
      expect: /spec\.template\.spec\.resourcez: unknown field/,
    },
    {
      name: "two problems, two findings",
      patch: edit((p) => {
        p.spec.replica = 1;
        container(p).imagePullPolic = "Always";
      }),
      expect: /unknown field/,
      count: 2,
    },
    {
      name: "a removed apiVersion (extensions/v1beta1 Deployment)",
      fixture: { ...deployment(), type: "kubernetes:extensions/v1beta1:Deployment" },
      expect: /Deployment apiVersion extensions\/v1beta1: not served by Kubernetes v1\.31\.\d+; use apps\/v1/,
      count: 1,
    },
    {
      name: "a removed apiVersion (batch/v1beta1 CronJob)",
      fixture: { type: "kubernetes:batch/v1beta1:CronJob", props: {} },
      expect: /CronJob apiVersion batch\/v1beta1: not served by Kubernetes v1\.31\.\d+; use batch\/v1/,
      count: 1,
    },
    {
      name: "a patch still rejects unknown fields",
      fixture: { type: "kubernetes:apps/v1:DeploymentPatch", props: { spec: { replica: 3 } } },
      expect: /Deployment spec\.replica: unknown field/,
      count: 1,
    },
    {
      name: "Rollout: a canary step misspelt",
      fixture: rollout({ ...rolloutSpec(), strategy: { canary: { steps: [{ setWieght: 10 }] } } }),
      expect:
        /Rollout spec\.strategy\.canary\.steps\[0\]\.setWieght: unknown field \(did you mean "setWeight"\?\)/,
      count: 1,
    },
    {
      name: "Rollout: a container field misspelt in the template",
      fixture: rollout({
        ...rolloutSpec(),
        template: { spec: { containers: [{ name: "app", image: "app:1.0", imagePullPolic: "Always" }] } },
      }),
      expect: /Rollout spec\.template\.spec\.containers\[0\]\.imagePullPolic: unknown field/,
      count: 1,
    },
    {
      name: "PrometheusRule: a label put beside the rule",
      fixture: rule({ alert: "A", expr: "up == 0", severity: "page" }),
      expect: /PrometheusRule spec\.groups\[0\]\.rules\[0\]\.severity: unknown field/,
      count: 1,
    },
    {
      name: "PrometheusRule: expr missing",
      fixture: rule({ alert: "A" }),
      expect: /PrometheusRule spec\.groups\[0\]\.rules\[0\]\.expr: required field is missing/,
      count: 1,
    },
    {
      name: "CRD enum: ServiceMonitor endpoint scheme",
      fixture: {
        type: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor",
        props: {
          spec: { selector: {}, endpoints: [{ port: "http", scheme: "gopher" }] },
        },
      },
      expect:
        /ServiceMonitor spec\.endpoints\[0\]\.scheme: must be one of .*"https".*; got the string "gopher"/,
      count: 1,
    },
    {
      name: "NetworkPolicy: policyTypes given as a string, not a list",
      fixture: {
        type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        props: { spec: { podSelector: {}, policyTypes: "Ingress" } },
      },
      expect: /NetworkPolicy spec\.policyTypes: must be a list, got the string "Ingress"/,
      count: 1,
    },
  ],
  unknown: [
    { name: "replicas unknown", patch: edit((p) => (p.spec.replicas = unknown)) },
    { name: "the whole spec unknown", patch: { spec: unknown } },
    { name: "a required field unknown", patch: edit((p) => (container(p).name = unknown)) },
    { name: "a container unknown", patch: edit((p) => (podSpec(p).containers = [unknown])) },
  ],
});

describe("k8s-api-schema at mandatory", () => {
  const mandatory = { config: { enforcementLevel: "mandatory" as const } };

  test("an unknown value is not checked, and does not hide a definite problem elsewhere", async () => {
    const f = deployment();
    const p = f.props as Obj;
    p.spec.replicas = unknown;
    container(p).name = unknown;
    container(p).imagePullPolic = "Always";
    const vs = await runPolicy(k8sApiSchema, f, mandatory);
    expect(vs.map((v) => v.message)).toEqual([
      expect.stringMatching(/containers\[0\]\.imagePullPolic: unknown field/),
    ]);
    expect(vs[0].enforcementLevel).toBe("mandatory");
  });

  test("a clean object gives nothing", async () => {
    expect(await runPolicy(k8sApiSchema, deployment(), mandatory)).toEqual([]);
  });
});
