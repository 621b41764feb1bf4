/**
 * The Kubernetes policies, in docs order: the Pod Security Standards
 * (restricted) split by control, then the Paved workload extras, then services
 * and namespaces. An explicit list: `policies/pack.ts` concatenates it.
 */
import type { PolicyDefinition } from "../lib/define";
import { k8sCapabilities } from "./capabilities";
import { k8sImagePinned } from "./image-pinned";
import { k8sNamespaceNetworkPolicy } from "./namespace-network-policy";
import { k8sNoHostNamespaces } from "./no-host-namespaces";
import { k8sNoHostPorts } from "./no-host-ports";
import { k8sNoHostPath } from "./no-hostpath";
import { k8sNoPrivilegeEscalation } from "./no-privilege-escalation";
import { k8sNoPrivileged } from "./no-privileged";
import { k8sNoSecurityOverrides } from "./no-security-overrides";
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
  k8sServiceExposure,
  k8sNamespaceNetworkPolicy,
];
