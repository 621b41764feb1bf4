/**
 * Nobody is bound to `cluster-admin` by the stack (CIS Kubernetes 5.1.1): not
 * in a ClusterRoleBinding (the whole cluster) nor in a RoleBinding (every
 * right in the namespace, RBAC included). Break-glass subjects the platform
 * team accepts go in `allowedSubjects`.
 */
import { UNKNOWN } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import { cisKubernetes } from "../lib/frameworks";
import type { Finding } from "../lib/types";
import { previewUnknown } from "../lib/unknown";
import { BINDING_TYPES, bindingView, describeSubjects, matchesAny, subjectId } from "./rbac";

export const CLUSTER_ADMIN = "cluster-admin";

export const k8sRbacNoClusterAdminBinding = defineResourcePolicy<{ allowedSubjects: string[] }>({
  name: "k8s-rbac-no-cluster-admin-binding",
  description: "No RoleBinding or ClusterRoleBinding grants the cluster-admin ClusterRole.",
  category: "kubernetes",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Write a Role (or ClusterRole) that lists only the verbs and resources the subject needs, and bind that instead of cluster-admin.",
    "For people, bind the built-in `admin`, `edit` or `view` ClusterRole in a RoleBinding scoped to their namespace.",
    "A break-glass group the platform team owns: add it to this policy's `allowedSubjects` (`Group:<name>`, `User:<name>`, `ServiceAccount:<ns>/<name>`).",
  ],
  frameworks: [cisKubernetes("5.1.1")],
  types: BINDING_TYPES,
  configSchema: {
    properties: {
      allowedSubjects: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
          "Subjects that may hold cluster-admin, as `Kind:name` (`Group:platform-admins`, `ServiceAccount:kube-system/ops`); `*` matches any characters.",
      },
    },
  },
  check(binding, ctx): Finding[] {
    const b = bindingView(binding);
    // A patch that does not touch roleRef is not blamed for it.
    if (b.patch && b.roleName === undefined) return [];
    if (b.roleName === UNKNOWN) throw previewUnknown(`the roleRef of ${b.label} is not known until apply`);
    if (b.roleName !== CLUSTER_ADMIN || (b.roleKind !== undefined && b.roleKind !== "ClusterRole")) return [];
    if (b.subjects === UNKNOWN) {
      throw previewUnknown(`the subjects of ${b.label}, bound to cluster-admin, are not known until apply`);
    }
    const allowed = ctx.config.allowedSubjects ?? [];
    const offending = b.subjects.filter((s) => !matchesAny(allowed, [`${s.kind}:${subjectId(s)}`]));
    if (b.subjects.length > 0 && offending.length === 0) return [];
    const scope = b.kind === "ClusterRoleBinding" ? "the whole cluster" : "its namespace, RBAC included";
    return [
      {
        message: `${b.label} grants cluster-admin (every right in ${scope}) to ${describeSubjects(offending)}; bind a role that lists only the permissions needed`,
      },
    ];
  },
});
