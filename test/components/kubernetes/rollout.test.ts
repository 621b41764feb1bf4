import {
  DEV_GOVERNANCE,
  descendants,
  RecordedResource,
  settle,
  useMocks,
  valueOf,
} from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import { errorOf } from "../validation-error";
import { PAVED_VERSION } from "../../../components/core/version";
import { checkPodSpec } from "../../../components/kubernetes/pss";
import {
  analysisTemplateSpec,
  buildPodSpec,
  CanaryRollout,
  CanaryRolloutArgs,
  canarySteps,
  DEFAULT_CONTAINER_RESOURCES,
  GateSpec,
  gateProblems,
  resourceProblems,
  stepProblems,
} from "../../../components/kubernetes/rollout";

const IMAGE = "registry.example.com/payments/api:1.4.2";
const BASE: CanaryRolloutArgs = { namespace: "payments", image: IMAGE };

const GATES: GateSpec = {
  prometheusAddress: "http://prometheus-operated.monitoring.svc:9090",
  service: "api",
  serviceLabel: "service",
  requestsMetric: "http_requests_total",
  errorMatcher: 'code=~"5.."',
  durationBucket: "http_request_duration_seconds_bucket",
  latencyP99Seconds: 0.5,
  errorRatio: 0.01,
  interval: "1m",
  count: 5,
  failureLimit: 1,
};

describe("canary steps", () => {
  test("each weight gets setWeight, pause and analysis with the service argument", () => {
    expect(canarySteps([10, 100], "2m", "api-gates", "api")).toEqual([
      { setWeight: 10 },
      { pause: { duration: "2m" } },
      { analysis: { templates: [{ templateName: "api-gates" }], args: [{ name: "service", value: "api" }] } },
      { setWeight: 100 },
      { pause: { duration: "2m" } },
      { analysis: { templates: [{ templateName: "api-gates" }], args: [{ name: "service", value: "api" }] } },
    ]);
  });

  test.each<[string, number[], string]>([
    ["not ending at 100", [10, 50], "steps"],
    ["not increasing", [10, 50, 25, 100], "steps[2]"],
    ["repeating a weight", [10, 10, 100], "steps[1]"],
    ["above 100", [50, 150], "steps[1]"],
    ["a fraction", [12.5, 100], "steps[0]"],
    ["empty", [], "steps"],
  ])("steps %s are a problem", (_what, steps, arg) => {
    const problems = stepProblems(steps);
    expect(problems.map((p) => p.code)).toContain("PAVED_K8S_CANARY_STEPS");
    expect(problems.map((p) => p.arg)).toContain(arg);
  });

  test("[100] alone and the default steps are fine", () => {
    expect(stepProblems([100])).toEqual([]);
    expect(stepProblems([10, 25, 50, 100])).toEqual([]);
  });
});

describe("analysis template", () => {
  test("two Prometheus gates with success conditions and a failure limit", () => {
    expect(analysisTemplateSpec(GATES)).toEqual({
      args: [{ name: "service" }],
      metrics: [
        {
          name: "latency-p99",
          interval: "1m",
          count: 5,
          failureLimit: 1,
          successCondition: "result[0] <= 0.5",
          provider: {
            prometheus: {
              address: "http://prometheus-operated.monitoring.svc:9090",
              query:
                'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="{{args.service}}"}[1m])))',
            },
          },
        },
        {
          name: "error-ratio",
          interval: "1m",
          count: 5,
          failureLimit: 1,
          successCondition: "result[0] <= 0.01",
          provider: {
            prometheus: {
              address: "http://prometheus-operated.monitoring.svc:9090",
              query:
                'sum(rate(http_requests_total{service="{{args.service}}",code=~"5.."}[1m])) / sum(rate(http_requests_total{service="{{args.service}}"}[1m]))',
            },
          },
        },
      ],
    });
  });

  test.each<[string, Partial<GateSpec>, string]>([
    ["a failure limit that can never abort", { failureLimit: 5 }, "analysis.failureLimit"],
    ["a negative failure limit", { failureLimit: -1 }, "analysis.failureLimit"],
    ["a bad address", { prometheusAddress: "prometheus:9090" }, "analysis.prometheusAddress"],
    ["an error ratio of 1", { errorRatio: 1 }, "analysis.errorRatio"],
    ["a zero latency", { latencyP99Seconds: 0 }, "analysis.latencyP99Seconds"],
    ["a bad interval", { interval: "a minute" }, "analysis.interval"],
    ["a bad matcher", { errorMatcher: "5xx" }, "analysis.errorMatcher"],
    ["a bad service value", { service: "my service" }, "analysis.service"],
  ])("%s is a problem", (_what, change, arg) => {
    expect(gateProblems({ ...GATES, ...change }).map((p) => p.arg)).toContain(arg);
  });
});

describe("pod template", () => {
  const pod = buildPodSpec({
    image: IMAGE,
    containerPort: 8080,
    resources: DEFAULT_CONTAINER_RESOURCES,
    env: { B: "2", A: "1" },
    securityContext: {},
    podSecurityContext: {},
  });

  test("the defaults pass the shared PSS restricted check with no finding", () => {
    expect(checkPodSpec(pod)).toEqual([]);
  });

  test("the defaults are the restricted ones, with requests, limits and a writable /tmp", () => {
    expect(pod).toEqual({
      automountServiceAccountToken: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        fsGroup: 10001,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containers: [
        {
          name: "app",
          image: IMAGE,
          ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
          resources: {
            requests: { cpu: "100m", memory: "128Mi" },
            limits: { cpu: "500m", memory: "512Mi" },
          },
          securityContext: {
            allowPrivilegeEscalation: false,
            privileged: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
          },
          volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
          env: [
            { name: "A", value: "1" },
            { name: "B", value: "2" },
          ],
        },
      ],
      volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
    });
  });

  test("requests above limits and bad quantities are problems", () => {
    expect(
      resourceProblems({ requests: { cpu: "2", memory: "128Mi" }, limits: { cpu: "1", memory: "lots" } }).map(
        (p) => [p.code, p.arg],
      ),
    ).toEqual([
      ["PAVED_K8S_RESOURCES", "resources.limits.cpu"],
      ["PAVED_K8S_QUANTITY", "resources.limits.memory"],
    ]);
  });
});

describe("CanaryRollout", () => {
  let kids: RecordedResource[];
  let comp: CanaryRollout;
  beforeAll(async () => {
    comp = new CanaryRollout("api", { ...BASE, readinessPath: "/ready", serviceAccountName: "workload" });
    await settle();
    kids = descendants(records, await valueOf(comp.urn));
  });
  const byType = (kind: string) => kids.find((k) => k.type === `kubernetes:argoproj.io/v1alpha1:${kind}`)!;

  test("creates an AnalysisTemplate and a Rollout that depends on it", () => {
    expect(kids.map((k) => `${k.type} ${k.name}`)).toEqual([
      "kubernetes:argoproj.io/v1alpha1:AnalysisTemplate api-analysis",
      "kubernetes:argoproj.io/v1alpha1:Rollout api-rollout",
    ]);
    expect(byType("Rollout").dependencies).toContain(byType("AnalysisTemplate").urn);
    expect(kids.map((k) => k.urn)).toMatchSnapshot("urns");
  });

  test("both objects are in the namespace with governance labels", () => {
    for (const k of kids) {
      expect(k.inputs.metadata).toEqual({
        name: k.type.endsWith("Rollout") ? "api" : "api-gates",
        namespace: "payments",
        labels: {
          "paved.dev/app-id": "payments-api",
          "paved.dev/owner": "team-payments",
          "paved.dev/cost-center": "cc-1234",
          "paved.dev/data-classification": "confidential",
          "paved.dev/environment": "dev",
          "paved.dev/pattern": "CanaryRollout",
          "paved.dev/version": PAVED_VERSION,
        },
      });
    }
  });

  test("the AnalysisTemplate holds the default gates: p99 <= 0.5 s, errors <= 1 %", () => {
    expect(byType("AnalysisTemplate").inputs.spec).toEqual(analysisTemplateSpec(GATES));
  });

  test("the Rollout: 10, 25, 50, 100 % with pause and analysis each, abort on deadline, PSS-clean pods", async () => {
    const spec = byType("Rollout").inputs.spec as Record<string, any>;
    const steps = spec.strategy.canary.steps as Record<string, unknown>[];
    expect(steps.filter((s) => "setWeight" in s).map((s) => s.setWeight)).toEqual([10, 25, 50, 100]);
    expect(steps).toEqual(canarySteps([10, 25, 50, 100], "2m", "api-gates", "api"));
    expect(comp.steps).toEqual(steps);
    expect(spec).toMatchObject({
      replicas: 3,
      progressDeadlineAbort: true,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { "app.kubernetes.io/name": "api" } },
    });
    expect(spec.template.metadata.labels).toMatchObject({
      "app.kubernetes.io/name": "api",
      "paved.dev/app-id": "payments-api",
    });
    expect(spec.template.spec.serviceAccountName).toBe("workload");
    expect(spec.template.spec.containers[0].readinessProbe).toEqual({
      httpGet: { path: "/ready", port: "http" },
      periodSeconds: 5,
    });
    expect(checkPodSpec(spec.template.spec, { path: "spec.template.spec" })).toEqual([]);
    expect(await valueOf(comp.rolloutName)).toBe("api");
    expect(await valueOf(comp.analysisTemplateName)).toBe("api-gates");
  });

  test("custom steps, gates and resources reach the objects", async () => {
    const c = new CanaryRollout("custom", {
      ...BASE,
      steps: [5, 100],
      pauseDuration: "30s",
      replicas: 10,
      resources: { limits: { memory: "1Gi" } },
      analysis: { latencyP99Seconds: 0.3, errorRatio: 0.005, service: "payments-api", failureLimit: 0 },
    });
    await settle();
    const k = descendants(records, await valueOf(c.urn));
    const rollout = k.find((x) => x.name === "custom-rollout")!.inputs.spec as Record<string, any>;
    const template = k.find((x) => x.name === "custom-analysis")!.inputs.spec as Record<string, any>;
    expect(rollout.strategy.canary.steps).toEqual(
      canarySteps([5, 100], "30s", "custom-gates", "payments-api"),
    );
    expect(rollout.replicas).toBe(10);
    expect(rollout.template.spec.containers[0].resources).toEqual({
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { cpu: "500m", memory: "1Gi" },
    });
    expect(template.metrics.map((m: any) => [m.successCondition, m.failureLimit])).toEqual([
      ["result[0] <= 0.3", 0],
      ["result[0] <= 0.005", 0],
    ]);
  });

  test.each<[string, Partial<CanaryRolloutArgs>, string, string]>([
    [
      "a privileged container",
      { securityContext: { privileged: true } },
      "PSS_PRIVILEGED",
      "template.spec.containers[0].securityContext.privileged",
    ],
    [
      "a root container",
      { securityContext: { runAsUser: 0 } },
      "PSS_RUN_AS_USER",
      "template.spec.containers[0].securityContext.runAsUser",
    ],
    [
      "a root pod",
      { podSecurityContext: { runAsNonRoot: false } },
      "PSS_RUN_AS_NON_ROOT",
      "template.spec.securityContext.runAsNonRoot",
    ],
    [
      "privilege escalation",
      { securityContext: { allowPrivilegeEscalation: true } },
      "PSS_PRIVILEGE_ESCALATION",
      "template.spec.containers[0].securityContext.allowPrivilegeEscalation",
    ],
    [
      "an added capability",
      { securityContext: { capabilities: { drop: ["ALL"], add: ["SYS_ADMIN"] } } },
      "PSS_CAPABILITIES_ADD",
      "template.spec.containers[0].securityContext.capabilities.add[0]",
    ],
    [
      "an image by latest",
      { image: "registry.example.com/payments/api:latest" },
      "PAVED_IMAGE_UNPINNED",
      "template.spec.containers[0].image",
    ],
    [
      "an untagged image",
      { image: "registry.example.com/payments/api" },
      "PAVED_IMAGE_UNPINNED",
      "template.spec.containers[0].image",
    ],
    ["steps not ending at 100", { steps: [10, 50] }, "PAVED_K8S_CANARY_STEPS", "steps"],
    ["steps not increasing", { steps: [50, 25, 100] }, "PAVED_K8S_CANARY_STEPS", "steps[1]"],
    ["an invalid rollout name", { rolloutName: "API_v2" }, "PAVED_NAME_CHARS", "rolloutName"],
    ["an invalid namespace", { namespace: "Payments" }, "PAVED_NAME_CHARS", "namespace"],
    [
      "a request above its limit",
      { resources: { requests: { cpu: "1" } } },
      "PAVED_K8S_RESOURCES",
      "resources.limits.cpu",
    ],
    ["zero replicas", { replicas: 0 }, "PAVED_K8S_REPLICAS", "replicas"],
    ["a bad port", { containerPort: 70000 }, "PAVED_PORT_RANGE", "containerPort"],
    ["a bad pause", { pauseDuration: "forever" }, "PAVED_K8S_CANARY_STEPS", "pauseDuration"],
    ["a relative readiness path", { readinessPath: "ready" }, "PAVED_K8S_READINESS_PATH", "readinessPath"],
    [
      "an invalid ServiceAccount name",
      { serviceAccountName: "Work_Load" },
      "PAVED_NAME_CHARS",
      "serviceAccountName",
    ],
    [
      "a gate that can never fail",
      { analysis: { failureLimit: 5 } },
      "PAVED_K8S_CANARY_ANALYSIS",
      "analysis.failureLimit",
    ],
  ])("%s is refused", (_what, change, code, arg) => {
    const err = errorOf(() => new CanaryRollout("bad-rollout", { ...BASE, ...change }));
    expect(err.problems.map((p) => [p.code, p.arg])).toContainEqual([code, arg]);
    expect(err.message).toContain(`CanaryRollout "bad-rollout": ${arg} `);
    const p = err.problems.find((x) => x.code === code)!;
    expect(p.fix.length).toBeGreaterThan(5);
  });

  test("a refused rollout creates nothing", async () => {
    const before = records.length;
    errorOf(
      () => new CanaryRollout("nothing", { ...BASE, image: "nginx", securityContext: { privileged: true } }),
    );
    await settle();
    expect(records.slice(before).filter((r) => r.name.startsWith("nothing-"))).toEqual([]);
  });
});
