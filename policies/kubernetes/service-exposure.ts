/**
 * A LoadBalancer Service says how far it is exposed, explicitly.
 *
 * Accepted (on `metadata.annotations`):
 * - `paved.dev/exposure: internet | internal`, Paved's own annotation;
 * - the AWS Load Balancer Controller's `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`;
 * - the legacy in-tree `service.beta.kubernetes.io/aws-load-balancer-internal: "true"`.
 *
 * The controller's `aws-load-balancer-scheme: internet-facing` alone is not enough:
 * an internet-facing load balancer is a decision, recorded as `paved.dev/exposure: internet`.
 * Contradicting annotations (Paved says internal, the controller says internet-facing) fail.
 */
import { LABEL_PREFIX } from "../../components/core/governance";
import { nist80053 } from "../lib/frameworks";
import { defineResourcePolicy } from "../lib/define";
import { asRecord, asString, isTrue } from "../lib/props";
import type { Finding } from "../lib/types";

/** Paved's exposure annotation. */
export const EXPOSURE_ANNOTATION = `${LABEL_PREFIX}exposure`;
export const EXPOSURES = ["internet", "internal"] as const;
export const AWS_LB_SCHEME_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-scheme";
export const AWS_LB_INTERNAL_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-internal";

/** The exposure the annotations declare, or a problem. Pure. */
export function declaredExposure(
  annotations: Record<string, unknown> | undefined,
): { exposure: "internet" | "internal" } | { problem: string } {
  const paved = asString(annotations?.[EXPOSURE_ANNOTATION]);
  const scheme = asString(annotations?.[AWS_LB_SCHEME_ANNOTATION]);
  const legacy = annotations?.[AWS_LB_INTERNAL_ANNOTATION];
  const awsInternal = scheme === "internal" || isTrue(legacy);
  if (paved !== undefined) {
    if (!(EXPOSURES as readonly string[]).includes(paved)) {
      return { problem: `${EXPOSURE_ANNOTATION} is "${paved}"; use "internet" or "internal"` };
    }
    if (paved === "internal" && scheme === "internet-facing") {
      return {
        problem: `${EXPOSURE_ANNOTATION} says internal but ${AWS_LB_SCHEME_ANNOTATION} is internet-facing; make them agree`,
      };
    }
    if (paved === "internet" && awsInternal) {
      return {
        problem: `${EXPOSURE_ANNOTATION} says internet but the AWS annotations make it internal; make them agree`,
      };
    }
    return { exposure: paved as "internet" | "internal" };
  }
  if (awsInternal) return { exposure: "internal" };
  return {
    problem:
      scheme === "internet-facing"
        ? `it is internet-facing without ${EXPOSURE_ANNOTATION}: internet; add the annotation to record the decision`
        : `it has no exposure annotation; add ${EXPOSURE_ANNOTATION}: internal (or internet, deliberately)`,
  };
}

export const k8sServiceExposure = defineResourcePolicy({
  name: "k8s-loadbalancer-exposure",
  description: "A LoadBalancer Service declares its exposure (internet or internal) with an annotation.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    `Add the annotation \`${EXPOSURE_ANNOTATION}: internal\` and \`${AWS_LB_SCHEME_ANNOTATION}: internal\` for a private load balancer.`,
    `For a load balancer the internet must reach, add \`${EXPOSURE_ANNOTATION}: internet\` (and restrict \`spec.loadBalancerSourceRanges\` where you can).`,
    "Prefer a ClusterIP Service behind a shared ingress when the app does not need its own load balancer.",
  ],
  frameworks: [nist80053("SC-7")],
  types: ["kubernetes:core/v1:Service"],
  check(service): Finding[] {
    const spec = asRecord(service.props.spec);
    if (spec?.type !== "LoadBalancer") return [];
    const annotations = asRecord(asRecord(service.props.metadata)?.annotations);
    const result = declaredExposure(annotations);
    return "problem" in result
      ? [{ message: `the LoadBalancer Service's exposure is unclear: ${result.problem}` }]
      : [];
  },
});
