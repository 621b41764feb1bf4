/**
 * App roles do not grant the verbs that step around RBAC itself: `escalate`
 * (edit a role to grant more than one holds), `bind` (bind a role one does not
 * hold) and `impersonate` (act as another user, group or service account)
 * (CIS Kubernetes 5.1.8). A `*` verb is reported by `k8s-rbac-no-wildcards`.
 */
import { UNKNOWN } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import { cisKubernetes } from "../lib/frameworks";
import { PLATFORM_ROLES_SCHEMA, ROLE_TYPES, checkRoleRules, quoteList, type RbacRule } from "./rbac";

export const ESCALATION_VERBS: readonly string[] = ["escalate", "bind", "impersonate"];

/** The escalation verbs one rule grants, or UNKNOWN when its verbs cannot be read. */
export function ruleEscalation(rule: RbacRule): string | typeof UNKNOWN | undefined {
  if (rule.verbs === UNKNOWN) return UNKNOWN;
  const hits = rule.verbs.filter((v) => ESCALATION_VERBS.includes(v.toLowerCase()));
  if (hits.length === 0) return undefined;
  const on =
    rule.resources === UNKNOWN || rule.resources.length === 0 ? "" : ` on ${quoteList(rule.resources)}`;
  return `grants the privilege-escalation verbs ${quoteList(hits)}${on}`;
}

export const k8sRbacNoEscalationVerbs = defineResourcePolicy<{ platformRoles: string[] }>({
  name: "k8s-rbac-no-escalation-verbs",
  description: "Roles and ClusterRoles granted to apps do not grant the escalate, bind or impersonate verbs.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Remove "escalate", "bind" and "impersonate" from the role\'s rules.',
    "Let the platform team create the RoleBindings the app needs, instead of the app binding roles itself.",
    "A platform controller that must manage RBAC: add its role name to this policy's `platformRoles` in the pack config.",
  ],
  frameworks: [cisKubernetes("5.1.8")],
  types: ROLE_TYPES,
  configSchema: { properties: { platformRoles: PLATFORM_ROLES_SCHEMA } },
  check: (role, ctx) =>
    checkRoleRules(
      role,
      ctx.config.platformRoles,
      ruleEscalation,
      "remove these verbs and let the platform team manage RBAC",
    ),
});
