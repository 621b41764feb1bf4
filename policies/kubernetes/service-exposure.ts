/**
 * A LoadBalancer or NodePort Service says how far it is exposed, explicitly. A
 * NodePort opens its port on every node, so it is exposure as much as a load
 * balancer is (whether the internet reaches it depends on the nodes' security
 * groups, which the Service cannot show).
 *
 * Accepted (on `metadata.annotations`):
 * - `paved.dev/exposure: internet | internal`, Paved's own annotation;
 * - the AWS Load Balancer Controller's `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`;
 * - the legacy in-tree `service.beta.kubernetes.io/aws-load-balancer-internal: "true"`.
 *
 * The controller's `aws-load-balancer-scheme: internet-facing` alone is not enough:
 * an internet-facing load balancer is a decision, recorded as `paved.dev/exposure: internet`.
 * Contradicting annotations (Paved says internal, the controller says internet-facing) fail.
 * The AWS annotations configure a load balancer: on a NodePort Service only
 * `paved.dev/exposure` counts.
 *
 * A `ServicePatch` holds part of a Service: the annotations it leaves out may be
 * on the Service, so it fails only for what it sets (an invalid or contradicting
 * annotation, or a `paved.dev/exposure` an exposed type needs that is invalid).
 */
import { LABEL_PREFIX } from "../../components/core/governance";
import { nist80053 } from "../lib/frameworks";
import { defineResourcePolicy } from "../lib/define";
import { asRecord, asString, isTrue } from "../lib/props";
import type { Finding } from "../lib/types";

export const SERVICE_TYPE = "kubernetes:core/v1:Service";
export const SERVICE_PATCH_TYPE = "kubernetes:core/v1:ServicePatch";

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

/** The Service types that expose pods outside the cluster network. */
export const EXPOSED_SERVICE_TYPES: readonly string[] = ["LoadBalancer", "NodePort"];

/** The exposure a NodePort Service declares: only Paved's annotation says anything about node ports. */
export function declaredNodePortExposure(
  annotations: Record<string, unknown> | undefined,
): { exposure: "internet" | "internal" } | { problem: string } {
  const paved = asString(annotations?.[EXPOSURE_ANNOTATION]);
  if (paved === undefined) {
    return {
      problem: `it has no exposure annotation (the AWS load balancer annotations do not apply to node ports); add ${EXPOSURE_ANNOTATION}: internal (or internet, deliberately)`,
    };
  }
  if (!(EXPOSURES as readonly string[]).includes(paved)) {
    return { problem: `${EXPOSURE_ANNOTATION} is "${paved}"; use "internet" or "internal"` };
  }
  return { exposure: paved as "internet" | "internal" };
}

export const k8sServiceExposure = defineResourcePolicy({
  name: "k8s-loadbalancer-exposure",
  description:
    "A LoadBalancer or NodePort Service declares its exposure (internet or internal) with an annotation.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    `Add the annotation \`${EXPOSURE_ANNOTATION}: internal\` and \`${AWS_LB_SCHEME_ANNOTATION}: internal\` for a private load balancer.`,
    `For a load balancer the internet must reach, add \`${EXPOSURE_ANNOTATION}: internet\` (and restrict \`spec.loadBalancerSourceRanges\` where you can).`,
    `For a NodePort Service, add \`${EXPOSURE_ANNOTATION}: internal\` (or \`internet\`, deliberately); the AWS annotations do not apply to node ports.`,
    "Prefer a ClusterIP Service behind a shared ingress when the app does not need its own load balancer or node port.",
  ],
  frameworks: [nist80053("SC-7")],
  types: [SERVICE_TYPE, SERVICE_PATCH_TYPE],
  check(service): Finding[] {
    const patch = service.type === SERVICE_PATCH_TYPE;
    const type = asRecord(service.props.spec)?.type;
    const annotations = asRecord(asRecord(service.props.metadata)?.annotations);
    if (patch) {
      // The patch may leave the type or the annotations to the Service: judge only what it sets.
      if (type !== undefined && !EXPOSED_SERVICE_TYPES.includes(type as string)) return [];
      if (annotations?.[EXPOSURE_ANNOTATION] === undefined) return [];
    } else if (typeof type !== "string" || !EXPOSED_SERVICE_TYPES.includes(type)) return [];
    const result =
      type === "NodePort" ? declaredNodePortExposure(annotations) : declaredExposure(annotations);
    const kind = typeof type === "string" ? `${type} Service` : "Service (patch)";
    return "problem" in result ? [{ message: `the ${kind}'s exposure is unclear: ${result.problem}` }] : [];
  },
});
