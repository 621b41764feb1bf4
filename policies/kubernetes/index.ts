/**
 * The Kubernetes policies, in docs order: the Pod Security Standards
 * (restricted) split by control, then the Paved workload extras, then services
 * and namespaces, then RBAC, then what is deployed out of the policies' sight
 * (Helm releases). An explicit list: `policies/pack.ts` concatenates it.
 */
import type { PolicyDefinition } from "../lib/define";
import { k8sApiSchema } from "./api-schema";
import { k8sCapabilities } from "./capabilities";
import { k8sHelmReleaseNotChecked } from "./helm-release-not-checked";
import { k8sImagePinned } from "./image-pinned";
import { k8sNamespaceNetworkPolicy } from "./namespace-network-policy";
import { k8sNamespacePodSecurity } from "./namespace-pod-security";
import { k8sNoHostNamespaces } from "./no-host-namespaces";
import { k8sNoHostPorts } from "./no-host-ports";
import { k8sNoHostPath } from "./no-hostpath";
import { k8sNoPlaintextEnvSecrets } from "./no-plaintext-env-secrets";
import { k8sNoPrivilegeEscalation } from "./no-privilege-escalation";
import { k8sNoPrivileged } from "./no-privileged";
import { k8sNoSecurityOverrides } from "./no-security-overrides";
import { k8sRbacNoClusterAdminBinding } from "./rbac-no-cluster-admin-binding";
import { k8sRbacNoEscalationVerbs } from "./rbac-no-escalation-verbs";
import { k8sRbacNoSecretRead } from "./rbac-no-secret-read";
import { k8sRbacNoWildcards } from "./rbac-no-wildcards";
import { k8sRbacServiceAccountClusterBinding } from "./rbac-service-account-cluster-binding";
import { k8sResourceLimits } from "./resource-limits";
import { k8sRunAsNonRoot } from "./run-as-non-root";
import { k8sSeccomp } from "./seccomp";
import { k8sServiceExposure } from "./service-exposure";
import { k8sVolumeTypes } from "./volume-types";

export const kubernetesPolicies: readonly PolicyDefinition[] = [
  k8sNoPrivileged,
  k8sNoPrivilegeEscalation,
  k8sRunAsNonRoot,
  k8sCapabilities,
  k8sSeccomp,
  k8sNoHostNamespaces,
  k8sNoHostPath,
  k8sNoHostPorts,
  k8sVolumeTypes,
  k8sNoSecurityOverrides,
  k8sImagePinned,
  k8sResourceLimits,
  k8sNoPlaintextEnvSecrets,
  k8sServiceExposure,
  k8sNamespaceNetworkPolicy,
  k8sNamespacePodSecurity,
  k8sRbacNoClusterAdminBinding,
  k8sRbacNoWildcards,
  k8sRbacNoEscalationVerbs,
  k8sRbacNoSecretRead,
  k8sRbacServiceAccountClusterBinding,
  k8sHelmReleaseNotChecked,
  k8sApiSchema,
];
