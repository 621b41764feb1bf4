/**
 * CanaryRollout's arguments, field by field with their defaults.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { Governance } from "../../core/governance";
import type { SloAlerts } from "../monitoring/slo-alerts";
import type { NamespaceBaseline } from "../namespace/baseline";
import type { ContainerResources } from "./plan";

/** The metric gates, field by field. Every query reads the canary's own pods (by pod template hash). */
export interface CanaryAnalysisArgs {
  /** The Prometheus the gates query. @default "http://prometheus-operated.monitoring.svc:9090" */
  readonly prometheusAddress?: string;
  /** The service, as the value of `serviceLabel` on its metrics (the PodMonitor writes it). @default the rollout's name */
  readonly service?: string;
  /** The label that names the service on its metrics. @default "service" */
  readonly serviceLabel?: string;
  /** The label that carries the pod template hash on its metrics (the PodMonitor writes it). @default "rollouts_pod_template_hash" */
  readonly revisionLabel?: string;
  /** The request counter. @default "http_requests_total" */
  readonly requestsMetric?: string;
  /** The matcher that picks failed requests. @default 'code=~"5.."' */
  readonly errorMatcher?: string;
  /** The request-duration histogram's bucket series, seconds. @default "http_request_duration_seconds_bucket" */
  readonly durationBucket?: string;
  /** The canary's p99 latency gate, seconds. @default 0.5 */
  readonly latencyP99Seconds?: number;
  /** The canary's error-ratio gate. @default 0.01 */
  readonly errorRatio?: number;
  /** Also gate on the canary against the stable revision (`error-ratio-vs-stable`, `latency-p99-vs-stable`). @default true */
  readonly compareWithStable?: boolean;
  /** How much more of its requests the canary may fail than stable does. @default 0.005 (half a point) */
  readonly maxErrorRatioIncrease?: number;
  /** The canary's p99 over stable's, at most. @default 1.5 */
  readonly maxLatencyRatio?: number;
  /** Stable's p99 is taken as at least this in that ratio, seconds. @default 0.05 */
  readonly latencyFloorSeconds?: number;
  /**
   * Gate on the health score (0-100) that `rules` records for the canary's revision.
   * `rules` must be the SloAlerts of the same service, service label and revision label.
   * @default none (no health-score gate)
   */
  readonly healthScore?: { readonly rules: SloAlerts; readonly minScore?: number };
  /** Time between measurements and the queries' rate window. @default "1m" */
  readonly interval?: string;
  /** Measurements per step. @default 5 */
  readonly count?: number;
  /** Failed measurements tolerated per step; one more aborts and rolls back. @default 1 */
  readonly failureLimit?: number;
}

/** How the gates' metrics come to exist: the scraped port and the PodMonitor. */
export interface CanaryMetricsArgs {
  /** The port the container serves Prometheus metrics on; `containerPort` reads them from the `http` port. @default 9090 */
  readonly port?: number;
  /** The metrics path. @default "/metrics" */
  readonly path?: string;
  /** How often Prometheus scrapes each pod; at most half of `analysis.interval`. @default "15s" */
  readonly scrapeInterval?: string;
  /**
   * Labels on the PodMonitor: the ones your Prometheus' `podMonitorSelector` matches
   * (kube-prometheus-stack: `{ release: "<its release name>" }`). @default {}
   */
  readonly monitorLabels?: Record<string, string>;
  /**
   * Where Prometheus runs, for the NetworkPolicy check against `baseline`.
   * @default { namespace: "monitoring", podLabels: { "app.kubernetes.io/name": "prometheus" } }
   */
  readonly prometheus?: { readonly namespace?: string; readonly podLabels?: Record<string, string> };
}

/** Arguments of {@link CanaryRollout}. */
export interface CanaryRolloutArgs {
  /** The namespace (for example a NamespaceBaseline's `namespaceName`). @default `baseline`'s namespace; one of the two is required */
  readonly namespace?: pulumi.Input<string>;
  /**
   * The namespace's NamespaceBaseline. Given, the rollout checks that its NetworkPolicies let
   * Prometheus (`metrics.prometheus`) reach the metrics port, and refuses to build otherwise.
   * @default none (nothing to check against)
   */
  readonly baseline?: NamespaceBaseline;
  /** The Rollout's name, also its pods' `app.kubernetes.io/name` (an RFC 1123 label). @default the component's name */
  readonly rolloutName?: string;
  /** The image, pinned by a release tag or a digest. `latest` or no tag is refused. */
  readonly image: string;
  /** Pods at 100 %. @default 3 */
  readonly replicas?: number;
  /** The port the container serves on (named `http`). @default 8080 */
  readonly containerPort?: number;
  /** The port of the Services (root, canary, stable) in front of `http`. @default 80 */
  readonly servicePort?: number;
  /** The metrics port and its PodMonitor. @default port 9090, "/metrics", every 15s */
  readonly metrics?: CanaryMetricsArgs;
  /** Requests and limits, field by field. @default requests 100m / 128Mi, limits 500m / 512Mi */
  readonly resources?: {
    readonly requests?: Partial<ContainerResources["requests"]>;
    readonly limits?: Partial<ContainerResources["limits"]>;
  };
  /** Environment variables (plain values; use a Secret volume for secrets). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** The container's command. @default the image's entrypoint */
  readonly command?: readonly string[];
  /** The container's arguments. @default the image's */
  readonly args?: readonly string[];
  /** An HTTP readiness probe path on the `http` port. @default none */
  readonly readinessPath?: string;
  /** The pods' ServiceAccount (its token is never mounted). @default the namespace's default */
  readonly serviceAccountName?: string;
  /** Container securityContext fields over the restricted defaults. Anything that breaks PSS restricted is refused. @default {} */
  readonly securityContext?: Readonly<Record<string, unknown>>;
  /** Pod securityContext fields over the defaults (non-root UID 10001, RuntimeDefault seccomp). @default {} */
  readonly podSecurityContext?: Readonly<Record<string, unknown>>;
  /** Canary weights in percent: increasing, ending at 100, at least one below 100. @default [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] */
  readonly steps?: readonly number[];
  /** The pause at each step before its gates run. @default "2m" */
  readonly pauseDuration?: string;
  /**
   * The metric gates, on the canary's pods. @default p99 <= 0.5 s, error ratio <= 1 %, at most 0.5 points
   * more errors and 1.5 x the p99 of stable; 5 measurements a minute apart, 1 failure tolerated
   */
  readonly analysis?: CanaryAnalysisArgs;
  /** Governance, field by field over the `paved:*` stack config. @default stack config */
  readonly governance?: Partial<Governance>;
  /** Extra labels on the objects and pods; they win over the generated ones. @default {} */
  readonly labels?: Record<string, string>;
  /** The Kubernetes provider. @default the default provider */
  readonly provider?: k8s.Provider;
}
