import { gateSpec } from "./gate-fixtures";
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
  DEFAULT_CANARY_STEPS,
  DEFAULT_CONTAINER_RESOURCES,
  GateSpec,
  gateProblems,
  resourceProblems,
  stepProblems,
} from "../../../components/kubernetes/rollout";
import { IngressFlow, NamespaceBaseline } from "../../../components/kubernetes/namespace";
import { SloAlerts } from "../../../components/kubernetes/monitoring";

const IMAGE = "registry.example.com/payments/api:1.4.2";

/** The flow that lets Prometheus scrape the pods named "bad-rollout" or "web" on 9090. */
const SCRAPE_FLOW: IngressFlow = {
  from: { namespace: "monitoring", podSelector: { "app.kubernetes.io/name": "prometheus" } },
  to: "web",
  ports: [9090],
  justification: "Prometheus scrapes the metrics the canary gates read",
  ticket: "CHG-1",
};
let baselines = 0;
/** A baseline of namespace "payments" whose workload "web" is the rollout "bad-rollout"'s pods. */
function baselineWith(flows: IngressFlow[]): NamespaceBaseline {
  return new NamespaceBaseline(`payments-${++baselines}`, {
    namespace: "payments",
    workloads: { web: { "app.kubernetes.io/name": "bad-rollout" } },
    flows,
  });
}
const sloFor = (service: string) =>
  new SloAlerts(`slo-${service}-${++baselines}`, { service, namespace: "payments" });
const BASE: CanaryRolloutArgs = { namespace: "payments", image: IMAGE };

const GATES: GateSpec = gateSpec();

const ARGS = [
  { name: "service", value: "api" },
  { name: "canary-hash", valueFrom: { podTemplateHashValue: "Latest" } },
  { name: "stable-hash", valueFrom: { podTemplateHashValue: "Stable" } },
];

describe("canary steps", () => {
  test("each weight gets setWeight, pause and analysis with the service and both pod template hashes", () => {
    expect(canarySteps([10, 100], "2m", "api-gates", "api")).toEqual([
      { setWeight: 10 },
      { pause: { duration: "2m" } },
      { analysis: { templates: [{ templateName: "api-gates" }], args: ARGS } },
      { setWeight: 100 },
      { pause: { duration: "2m" } },
      { analysis: { templates: [{ templateName: "api-gates" }], args: ARGS } },
    ]);
  });

  test.each<[string, number[], string]>([
    ["not ending at 100", [10, 50], "steps"],
    ["not increasing", [10, 50, 25, 100], "steps[2]"],
    ["repeating a weight", [10, 10, 100], "steps[1]"],
    ["above 100", [50, 150], "steps[1]"],
    ["a fraction", [12.5, 100], "steps[0]"],
    ["empty", [], "steps"],
    ["with no canary step", [100], "steps"],
  ])("steps %s are a problem", (_what, steps, arg) => {
    const problems = stepProblems(steps);
    expect(problems.map((p) => p.code)).toContain("PAVED_K8S_CANARY_STEPS");
    expect(problems.map((p) => p.arg)).toContain(arg);
  });

  test("the default steps are fine; [100] alone has no canary step", () => {
    expect(stepProblems([100]).map((p) => [p.arg, p.code])).toEqual([["steps", "PAVED_K8S_CANARY_STEPS"]]);
    expect(stepProblems([100])[0].problem).toMatch(/no canary step/);
    expect(DEFAULT_CANARY_STEPS).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(stepProblems(DEFAULT_CANARY_STEPS)).toEqual([]);
    expect(stepProblems([10, 25, 50, 100])).toEqual([]);
  });
});

describe("analysis template", () => {
  const sel = (h: string) => `service="{{args.service}}",rollouts_pod_template_hash="{{args.${h}-hash}}"`;
  const ratio = (h: string) =>
    `(sum(rate(http_requests_total{${sel(h)},code=~"5.."}[1m])) or 0 * sum(rate(http_requests_total{${sel(h)}}[1m])))` +
    ` / sum(rate(http_requests_total{${sel(h)}}[1m]))`;
  const p99 = (h: string) =>
    `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{${sel(h)}}[1m])))`;
  const gate = (name: string, query: string, successCondition: string) => ({
    name,
    interval: "1m",
    count: 5,
    failureLimit: 1,
    successCondition,
    provider: { prometheus: { address: "http://prometheus-operated.monitoring.svc:9090", query } },
  });

  test("four gates on the canary's own pods: p99, error ratio, and both against stable", () => {
    expect(analysisTemplateSpec(GATES)).toEqual({
      args: [{ name: "service" }, { name: "canary-hash" }, { name: "stable-hash" }],
      metrics: [
        gate("latency-p99", p99("canary"), "result[0] <= 0.5"),
        gate("error-ratio", ratio("canary"), "result[0] <= 0.01"),
        gate(
          "error-ratio-vs-stable",
          `${ratio("canary")} - (${ratio("stable")} or ${ratio("canary")})`,
          "result[0] <= 0.005",
        ),
        gate(
          "latency-p99-vs-stable",
          `${p99("canary")} / clamp_min(${p99("stable")} or ${p99("canary")}, 0.05)`,
          "result[0] <= 1.5",
        ),
      ],
    });
  });

  test("no query reads the whole service: every selector names the canary's or stable's hash", () => {
    const spec = analysisTemplateSpec({
      ...GATES,
      healthScoreRecord: "service_revision:health_score:rate5m",
    });
    for (const m of spec.metrics) {
      const selectors = m.provider.prometheus.query.match(/\{(?:[^{}"]|"[^"]*")*\}/g)!;
      expect(selectors.length).toBeGreaterThan(0);
      for (const sel of selectors)
        expect(sel).toMatch(/rollouts_pod_template_hash="\{\{args\.(canary|stable)-hash\}\}"/);
    }
  });

  test("compareWithStable: false leaves the absolute gates; a health score adds its gate", () => {
    const spec = analysisTemplateSpec({
      ...GATES,
      compareWithStable: false,
      healthScoreRecord: "service_revision:health_score:rate5m",
      minHealthScore: 85,
    });
    expect(spec.metrics.map((m) => [m.name, m.successCondition])).toEqual([
      ["latency-p99", "result[0] <= 0.5"],
      ["error-ratio", "result[0] <= 0.01"],
      ["health-score", "result[0] >= 85"],
    ]);
    expect(spec.metrics[2].provider.prometheus.query).toBe(
      `service_revision:health_score:rate5m{${sel("canary")}}`,
    );
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
    ["a latency ratio below 1", { maxLatencyRatio: 0.9 }, "analysis.maxLatencyRatio"],
    ["a negative error increase", { maxErrorRatioIncrease: -0.01 }, "analysis.maxErrorRatioIncrease"],
    ["a zero latency floor", { latencyFloorSeconds: 0 }, "analysis.latencyFloorSeconds"],
    ["a health score above 100", { minHealthScore: 101 }, "analysis.healthScore.minScore"],
    ["a service label Prometheus owns", { serviceLabel: "namespace" }, "analysis.serviceLabel"],
    ["a revision label equal to the service label", { revisionLabel: "service" }, "analysis.revisionLabel"],
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

  test("creates the gates, the Services, the PodMonitor and a Rollout that depends on them", () => {
    expect(kids.map((k) => `${k.type} ${k.name}`).sort()).toEqual([
      "kubernetes:argoproj.io/v1alpha1:AnalysisTemplate api-analysis",
      "kubernetes:argoproj.io/v1alpha1:Rollout api-rollout",
      "kubernetes:core/v1:Service api-svc",
      "kubernetes:core/v1:Service api-svc-canary",
      "kubernetes:core/v1:Service api-svc-stable",
      "kubernetes:monitoring.coreos.com/v1:PodMonitor api-monitor",
    ]);
    const rollout = byType("Rollout");
    for (const k of kids.filter((x) => x !== rollout)) expect(rollout.dependencies).toContain(k.urn);
    expect(kids.map((k) => k.urn).sort()).toMatchSnapshot("urns");
  });

  test("every object is in the namespace with governance labels", () => {
    const names: Record<string, string> = {
      "api-analysis": "api-gates",
      "api-svc": "api",
      "api-svc-canary": "api-canary",
      "api-svc-stable": "api-stable",
      "api-monitor": "api",
      "api-rollout": "api",
    };
    for (const k of kids) {
      expect(k.inputs.metadata).toEqual({
        name: names[k.name],
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

  test("the Services: root on every pod, canary and stable named in the Rollout for Argo to point", async () => {
    const svc = (n: string) => kids.find((k) => k.name === n)!.inputs.spec as Record<string, any>;
    for (const n of ["api-svc", "api-svc-canary", "api-svc-stable"]) {
      expect(svc(n)).toEqual({
        type: "ClusterIP",
        selector: { "app.kubernetes.io/name": "api" },
        ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
      });
    }
    const spec = byType("Rollout").inputs.spec as Record<string, any>;
    expect(spec.strategy.canary).toMatchObject({ canaryService: "api-canary", stableService: "api-stable" });
    expect(await valueOf(comp.serviceName)).toBe("api");
    expect(await valueOf(comp.canaryServiceName)).toBe("api-canary");
    expect(await valueOf(comp.stableServiceName)).toBe("api-stable");
  });

  test("the PodMonitor scrapes the metrics port and writes the service and revision labels the gates read", async () => {
    const monitor = kids.find((k) => k.name === "api-monitor")!;
    expect(monitor.inputs.spec).toEqual({
      selector: { matchLabels: { "app.kubernetes.io/name": "api" } },
      podMetricsEndpoints: [
        {
          port: "metrics",
          path: "/metrics",
          interval: "15s",
          relabelings: [
            {
              action: "replace",
              sourceLabels: ["__meta_kubernetes_pod_label_rollouts_pod_template_hash"],
              targetLabel: "rollouts_pod_template_hash",
            },
            { action: "replace", targetLabel: "service", replacement: "api" },
          ],
        },
      ],
    });
    const pod = (byType("Rollout").inputs.spec as Record<string, any>).template.spec;
    expect(pod.containers[0].ports).toEqual([
      { name: "http", containerPort: 8080, protocol: "TCP" },
      { name: "metrics", containerPort: 9090, protocol: "TCP" },
    ]);
    expect(await valueOf(comp.podMonitorName)).toBe("api");
  });

  test("the AnalysisTemplate holds the default gates: p99 <= 0.5 s, errors <= 1 %", () => {
    expect(byType("AnalysisTemplate").inputs.spec).toEqual(analysisTemplateSpec(GATES));
  });

  test("the Rollout: 10 % increments with pause and analysis each, abort on deadline, PSS-clean pods", async () => {
    const spec = byType("Rollout").inputs.spec as Record<string, any>;
    const steps = spec.strategy.canary.steps as Record<string, unknown>[];
    const weights = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(steps.filter((s) => "setWeight" in s).map((s) => s.setWeight)).toEqual(weights);
    expect(steps).toEqual(canarySteps(weights, "2m", "api-gates", "api"));
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
      analysis: {
        latencyP99Seconds: 0.3,
        errorRatio: 0.005,
        service: "payments-api",
        failureLimit: 0,
        maxLatencyRatio: 2,
      },
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
    expect(template.metrics.map((m: any) => [m.name, m.successCondition, m.failureLimit])).toEqual([
      ["latency-p99", "result[0] <= 0.3", 0],
      ["error-ratio", "result[0] <= 0.005", 0],
      ["error-ratio-vs-stable", "result[0] <= 0.005", 0],
      ["latency-p99-vs-stable", "result[0] <= 2", 0],
    ]);
    // The PodMonitor labels the series with the service the gates read.
    const monitor = k.find((x) => x.name === "custom-monitor")!.inputs.spec as Record<string, any>;
    expect(monitor.podMetricsEndpoints[0].relabelings[1]).toEqual({
      action: "replace",
      targetLabel: "service",
      replacement: "payments-api",
    });
  });

  test("with its baseline and SloAlerts: namespace from the baseline, health-score gate on the recorded score", async () => {
    const baseline = new NamespaceBaseline("shop-ns", {
      namespace: "shop",
      workloads: { web: { "app.kubernetes.io/name": "web" } },
      flows: [SCRAPE_FLOW],
    });
    const rules = new SloAlerts("web-slo", { service: "web", namespace: baseline.namespaceName });
    const c = new CanaryRollout("web", {
      baseline,
      image: IMAGE,
      metrics: { monitorLabels: { release: "kube-prometheus-stack" } },
      analysis: { healthScore: { rules, minScore: 80 } },
    });
    await settle();
    const k = descendants(records, await valueOf(c.urn));
    for (const x of k) expect((x.inputs.metadata as Record<string, unknown>).namespace).toBe("shop");
    const template = k.find((x) => x.name === "web-analysis")!.inputs.spec as Record<string, any>;
    const score = template.metrics.find((m: any) => m.name === "health-score");
    expect(score.successCondition).toBe("result[0] >= 80");
    expect(score.provider.prometheus.query).toBe(
      `${rules.healthScoreRecord}{service="{{args.service}}",rollouts_pod_template_hash="{{args.canary-hash}}"}`,
    );
    expect(rules.groups[0].rules.map((r) => r.record)).toContain(rules.healthScoreRecord);
    const monitor = k.find((x) => x.name === "web-monitor")!.inputs.metadata as Record<string, any>;
    expect(monitor.labels.release).toBe("kube-prometheus-stack");
  });

  test("metrics.port equal to containerPort scrapes the http port and adds no port", async () => {
    const c = new CanaryRollout("same-port", { ...BASE, metrics: { port: 8080 } });
    await settle();
    const k = descendants(records, await valueOf(c.urn));
    const monitor = k.find((x) => x.name === "same-port-monitor")!.inputs.spec as Record<string, any>;
    expect(monitor.podMetricsEndpoints[0].port).toBe("http");
    expect(c.podSpec.containers).toEqual([
      expect.objectContaining({ ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }] }),
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
    ["steps with no canary step", { steps: [100] }, "PAVED_K8S_CANARY_STEPS", "steps"],
    ["no namespace and no baseline", { namespace: undefined }, "PAVED_K8S_NAMESPACE_REQUIRED", "namespace"],
    ["a bad metrics port", { metrics: { port: 0 } }, "PAVED_PORT_RANGE", "metrics.port"],
    [
      "a monitor label that is not a label",
      { metrics: { monitorLabels: { release: "kube prometheus" } } },
      "PAVED_LABEL_INVALID",
      'metrics.monitorLabels["release"]',
    ],
    [
      "a scrape too slow for the gates' rate window",
      { metrics: { scrapeInterval: "1m" } },
      "PAVED_K8S_CANARY_METRICS",
      "metrics.scrapeInterval",
    ],
    [
      "a rollout name too long for its canary Service",
      { rolloutName: "a".repeat(60) },
      "PAVED_K8S_CANARY_METRICS",
      "rolloutName",
    ],
    [
      "a baseline that does not let Prometheus scrape the metrics port",
      { namespace: undefined, baseline: baselineWith([]) },
      "PAVED_K8S_CANARY_METRICS",
      "metrics.port",
    ],
    [
      "a baseline whose scrape flow opens another port",
      { namespace: undefined, baseline: baselineWith([{ ...SCRAPE_FLOW, ports: [9100] }]) },
      "PAVED_K8S_CANARY_METRICS",
      "metrics.port",
    ],
    [
      "a baseline whose scrape flow comes from another namespace",
      {
        namespace: undefined,
        baseline: baselineWith([
          {
            ...SCRAPE_FLOW,
            from: { namespace: "observability", podSelector: { "app.kubernetes.io/name": "prometheus" } },
          },
        ]),
      },
      "PAVED_K8S_CANARY_METRICS",
      "metrics.port",
    ],
    [
      "a namespace that is not the baseline's",
      { namespace: "other", baseline: baselineWith([SCRAPE_FLOW]) },
      "PAVED_K8S_CANARY_METRICS",
      "namespace",
    ],
    [
      "a health score recorded for another service",
      { analysis: { healthScore: { rules: sloFor("checkout") } } },
      "PAVED_K8S_CANARY_METRICS",
      "analysis.healthScore.rules",
    ],
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
