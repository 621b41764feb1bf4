/**
 * Raw Kubernetes objects in a program checked against the API server's own
 * schemas (policies/lib/k8s-api-schema.ts): a misspelt field, a string where
 * an integer belongs or a missing required field fails at `pulumi up`, after
 * the rest of the stack has changed; this says so at preview. Strict, as
 * `kubectl apply --validate=strict`. Kinds without a bundled schema are not
 * checked; a built-in kind at an apiVersion the pinned Kubernetes no longer
 * serves (`extensions/v1beta1` Deployment) is reported with the one to use.
 */
import { kubernetesTypeOf } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import {
  SCHEMA_KUBERNETES_VERSION,
  SCHEMA_SOURCES,
  hasSchema,
  servedInstead,
  validateObject,
} from "../lib/k8s-api-schema";
import { rawProps } from "../lib/sdk";
import type { Finding } from "../lib/types";

/** At most this many findings per object (a wrong indentation can misplace a whole subtree). */
const MAX_FINDINGS = 20;

export const k8sApiSchema = defineResourcePolicy<{ skipKinds: string[] }>({
  name: "k8s-api-schema",
  description: "Kubernetes objects match the schema the API server validates them against.",
  category: "kubernetes",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: false,
  remediation: [
    'Fix the field the message names: its spelling (the message suggests the closest known field), its type (`replicas: 3`, not `"3"`), or add the required field.',
    `The schemas are those of Kubernetes ${SCHEMA_KUBERNETES_VERSION} and the pinned CRDs (${SCHEMA_SOURCES.join(", ")}); for a kind whose CRD your cluster runs at another version, add it to \`skipKinds\`.`,
    "Make the policy mandatory for prod in the stack's policy config once the programs are clean.",
  ],
  frameworks: [],
  configSchema: {
    properties: {
      skipKinds: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Kinds not checked: `Kind` or `apiVersion/Kind` (`argoproj.io/v1alpha1/Rollout`).",
      },
    },
  },
  appliesTo(type) {
    // Kinds with a bundled schema, and built-in kinds at an apiVersion no longer served;
    // components (yaml ConfigGroup, Helm Chart) and kinds without a schema are not read.
    const k = kubernetesTypeOf(type);
    return (
      k !== undefined &&
      (hasSchema(k.apiVersion, k.kind) || servedInstead(k.apiVersion, k.kind) !== undefined)
    );
  },
  check(resource, ctx): Finding[] {
    const k = kubernetesTypeOf(resource.type);
    if (!k) return [];
    const skip = ctx.config.skipKinds;
    if (skip.includes(k.kind) || skip.includes(`${k.apiVersion}/${k.kind}`)) return [];
    const instead = servedInstead(k.apiVersion, k.kind);
    if (instead) {
      return [
        {
          message: `the API server would reject: ${k.kind} apiVersion ${k.apiVersion}: not served by Kubernetes ${SCHEMA_KUBERNETES_VERSION}; use ${instead.join(" or ")}`,
        },
      ];
    }
    // Raw inputs: unknown values are skipped inside, not a reason to skip the object.
    const problems = validateObject(rawProps(resource.props), k.apiVersion, k.kind, {
      partial: k.patch,
      limit: MAX_FINDINGS,
    });
    return (problems ?? []).map((p) => ({
      message: `the API server would reject: ${k.kind} ${p.field === "" ? "(object)" : p.field}: ${p.why}`,
    }));
  },
});
