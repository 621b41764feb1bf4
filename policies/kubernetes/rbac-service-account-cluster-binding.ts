/**
 * A ServiceAccount gets cluster-wide rights only when the platform team says
 * so: a ClusterRoleBinding that names a ServiceAccount is a finding unless the
 * ServiceAccount (`allowedServiceAccounts`, default `kube-system/*`) or the
 * ClusterRole (`allowedClusterRoles`, default `system:auth-delegator`) is
 * allowed. An app's token is in every one of its pods: bound cluster-wide, a
 * compromised pod acts in every namespace. Apps get a RoleBinding in their
 * own namespace (which may reference a ClusterRole).
 *
 * Advisory by default (operators installed by the platform team need such
 * bindings and are listed in the config first), and in the security set, so
 * prod makes it mandatory.
 */
import { UNKNOWN } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import { nist80053 } from "../lib/frameworks";
import type { Finding } from "../lib/types";
import { previewUnknown } from "../lib/unknown";
import { CLUSTER_BINDING_TYPES, bindingView, describeSubjects, matchesAny, subjectId } from "./rbac";

export const k8sRbacServiceAccountClusterBinding = defineResourcePolicy<{
  allowedServiceAccounts: string[];
  allowedClusterRoles: string[];
}>({
  name: "k8s-rbac-service-account-cluster-binding",
  description: "ClusterRoleBindings do not grant cluster-wide rights to app ServiceAccounts.",
  category: "kubernetes",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: true,
  remediation: [
    "Replace the ClusterRoleBinding with a RoleBinding in the app's namespace (its roleRef may still name the ClusterRole).",
    "For a platform controller that needs cluster-wide rights, add its ServiceAccount (`<namespace>/<name>`) to this policy's `allowedServiceAccounts` in the pack config.",
  ],
  frameworks: [nist80053("AC-6")],
  types: CLUSTER_BINDING_TYPES,
  configSchema: {
    properties: {
      allowedServiceAccounts: {
        type: "array",
        items: { type: "string" },
        default: ["kube-system/*"],
        description:
          "ServiceAccounts (`namespace/name`, `*` matches any characters) that may be bound cluster-wide.",
      },
      allowedClusterRoles: {
        type: "array",
        items: { type: "string" },
        default: ["system:auth-delegator"],
        description:
          "ClusterRoles any ServiceAccount may be bound to cluster-wide (`*` matches any characters).",
      },
    },
  },
  check(binding, ctx): Finding[] {
    const b = bindingView(binding);
    if (b.subjects === UNKNOWN) throw previewUnknown(`the subjects of ${b.label} are not known until apply`);
    const accounts = b.subjects.filter(
      (s) => s.kind === "ServiceAccount" && !matchesAny(ctx.config.allowedServiceAccounts, [subjectId(s)]),
    );
    if (accounts.length === 0) return [];
    // A patch naming ServiceAccounts but not roleRef still grants them the binding's ClusterRole.
    if (typeof b.roleName === "string" && matchesAny(ctx.config.allowedClusterRoles, [b.roleName])) return [];
    const role =
      typeof b.roleName === "string"
        ? `ClusterRole "${b.roleName}"`
        : b.roleName === UNKNOWN
          ? "a ClusterRole (named at apply)"
          : "its ClusterRole";
    return [
      {
        message: `${b.label} binds ${role} cluster-wide to ${describeSubjects(accounts)}; use a RoleBinding in the app's namespace, or allow the ServiceAccount in allowedServiceAccounts`,
      },
    ];
  },
});
