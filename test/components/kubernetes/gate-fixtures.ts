/**
 * The canary gate settings the rollout, PromQL and gate-evaluation tests share
 * (the seed's plan: p99 0.5 s, errors 1 %, compared with the stable revision).
 * Each test file overrides only what it is about.
 */
import type { GateSpec } from "../../../components/kubernetes/rollout";

export function gateSpec(over: Partial<GateSpec> = {}): GateSpec {
  return {
    prometheusAddress: "http://prometheus-operated.monitoring.svc:9090",
    service: "api",
    serviceLabel: "service",
    revisionLabel: "rollouts_pod_template_hash",
    requestsMetric: "http_requests_total",
    errorMatcher: 'code=~"5.."',
    durationBucket: "http_request_duration_seconds_bucket",
    latencyP99Seconds: 0.5,
    errorRatio: 0.01,
    compareWithStable: true,
    maxErrorRatioIncrease: 0.005,
    maxLatencyRatio: 1.5,
    latencyFloorSeconds: 0.05,
    minHealthScore: 90,
    interval: "1m",
    count: 5,
    failureLimit: 1,
    ...over,
  };
}
