/**
 * SloAlerts: a PrometheusRule (Prometheus Operator, `monitoring.coreos.com/v1`)
 * with recording rules and alerts for one service: p99 latency, error ratio,
 * throughput drop, absent traffic and multiwindow burn-rate alerts for an
 * availability SLO.
 */
import * as k8s from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { resolveGovernance } from "../../core/config";
import { Problems } from "../../core/errors";
import { componentLabels, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import { namespaceProblems } from "../labels";
import {
  buildSloRules,
  DEFAULT_SLO_METRICS,
  DEFAULT_SLO_THRESHOLDS,
  SloMetrics,
  SloRuleGroups,
  sloRuleProblems,
  SloThresholds,
} from "./rules";
import { stripUndefined } from "../merge";
import { DEFAULT_REVISION_LABEL, healthScoreNames } from "./health-score";

/** The pattern name stamped on the rule. */
export const SLO_ALERTS_PATTERN = "SloAlerts";

/** Arguments of {@link SloAlerts}. */
export interface SloAlertsArgs {
  /** The service, as the value of `serviceLabel` on its metrics. */
  readonly service: string;
  /** The namespace of the PrometheusRule (for example a NamespaceBaseline's `namespaceName`). */
  readonly namespace: pulumi.Input<string>;
  /** The PrometheusRule's name (an RFC 1123 subdomain). @default the component's name */
  readonly ruleName?: string;
  /** The label that names the service on its metrics. @default "service" */
  readonly serviceLabel?: string;
  /**
   * The label that tells the service's revisions apart; the health score is recorded per revision.
   * @default "rollouts_pod_template_hash" (what CanaryRollout's PodMonitor writes)
   */
  readonly revisionLabel?: string;
  /** Metric names, field by field. @default DEFAULT_SLO_METRICS (http_requests_total, code=~"5..", http_request_duration_seconds_bucket) */
  readonly metrics?: Partial<SloMetrics>;
  /**
   * Thresholds, field by field. @default DEFAULT_SLO_THRESHOLDS: 99.9 % availability,
   * p99 > 0.5 s, errors > 1 %, throughput < 50 % of last week (above 1 req/s), for 10m
   */
  readonly thresholds?: Partial<SloThresholds>;
  /** A runbook linked from every alert. @default none */
  readonly runbookUrl?: string;
  /** Governance, field by field over the `paved:*` stack config. @default stack config */
  readonly governance?: Partial<Governance>;
  /**
   * Extra labels on the PrometheusRule; add the ones your Prometheus' `ruleSelector`
   * matches (for example `{ release: "kube-prometheus-stack" }`). @default {}
   */
  readonly labels?: Record<string, string>;
  /** The Kubernetes provider. @default the default provider */
  readonly provider?: k8s.Provider;
}

/** SLO recording rules and alerts for one service. */
export class SloAlerts extends pulumi.ComponentResource {
  /** The PrometheusRule's name, once it exists. */
  readonly ruleName: pulumi.Output<string>;
  /** The rule groups, as plain data (what the PrometheusRule holds). */
  readonly groups: SloRuleGroups["groups"];
  /** The service the rules are about (the value of `serviceLabel`). */
  readonly service: string;
  /** The label that names the service on its metrics. */
  readonly serviceLabel: string;
  /** The label that tells revisions apart. */
  readonly revisionLabel: string;
  /** The recorded health score's series name (0-100, per service and revision). */
  readonly healthScoreRecord: string;

  constructor(name: string, args: SloAlertsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("paved:k8s:SloAlerts", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as SloAlertsArgs);
    const problems = new Problems(SLO_ALERTS_PATTERN, name);
    const gov = resolveGovernance(problems, args.governance, { asLabels: true });
    const ruleName = args.ruleName ?? name;
    const nameP = nameProblem("k8sDnsSubdomain", ruleName, args.ruleName === undefined ? "name" : "ruleName");
    if (nameP) problems.addAll([nameP]);
    problems.addAll(namespaceProblems(args.namespace));
    const input = {
      service: args.service,
      serviceLabel: args.serviceLabel ?? "service",
      revisionLabel: args.revisionLabel ?? DEFAULT_REVISION_LABEL,
      metrics: { ...DEFAULT_SLO_METRICS, ...stripUndefined(args.metrics ?? {}) },
      thresholds: { ...DEFAULT_SLO_THRESHOLDS, ...stripUndefined(args.thresholds ?? {}) },
      runbookUrl: args.runbookUrl,
    };
    problems.addAll(sloRuleProblems(input));
    problems.throwIfAny(this);

    const spec = buildSloRules(input);
    const rule = new k8s.apiextensions.CustomResource(
      childName(name, "rules"),
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PrometheusRule",
        metadata: {
          name: ruleName,
          namespace: args.namespace,
          labels: componentLabels(gov, SLO_ALERTS_PATTERN, args.labels),
        },
        spec,
      },
      { parent: this, provider: args.provider },
    );
    this.ruleName = rule.metadata.name;
    this.groups = spec.groups;
    this.service = input.service;
    this.serviceLabel = input.serviceLabel;
    this.revisionLabel = input.revisionLabel;
    this.healthScoreRecord = healthScoreNames(input).score;
    this.registerOutputs({ ruleName: this.ruleName, groups: this.groups });
  }
}
