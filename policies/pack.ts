/**
 * The pack: the explicit list of every policy, in docs order, and the
 * @pulumi/policy arguments built from it. Importable without starting the
 * server (tools, tests, docs); `index.ts` is the only file that serves it.
 */
import type { PolicyPackArgs } from "@pulumi/policy";
import { ebsSnapshotNotPublic } from "./aws/ebs-snapshot-not-public";
import { ebsVolumeEncrypted } from "./aws/ebs-volume-encrypted";
import { iamPolicies } from "./aws/iam";
import { instanceBlockDevicesEncrypted } from "./aws/instance-block-devices-encrypted";
import { rdsNotPublic } from "./aws/rds-not-public";
import { rdsStorageEncrypted } from "./aws/rds-storage-encrypted";
import { s3PublicAccessBlocked } from "./aws/s3-public-access-blocked";
import { sgDescriptionRequired } from "./aws/sg-description-required";
import { sgNoPublicAdminIngress } from "./aws/sg-no-public-admin-ingress";
import { sgNoPublicDatabaseIngress } from "./aws/sg-no-public-database-ingress";
import { vpcFlowLogsEnabled } from "./aws/vpc-flow-logs-enabled";
import { auditPolicies } from "./aws/audit";
import { ecsPolicies } from "./aws/ecs";
import { edgePolicies } from "./aws/edge";
import { encryptionPolicies } from "./aws/encryption";
import { endpointPolicies } from "./aws/endpoints";
import { networkExposurePolicies } from "./aws/network";
import { parityPolicies } from "./aws/parity";
import { resiliencePolicies } from "./aws/resilience";
import { resourcePolicyPolicies } from "./aws/resource-policies";
import { s3Policies } from "./aws/s3";
import { approvedComponents } from "./governance/approved-components";
import { criticalResourcesAlarmed } from "./governance/critical-resources-alarmed";
import { exemptionLedger } from "./governance/exemptions";
import { requiredTags } from "./governance/required-tags";
import { kubernetesPolicies } from "./kubernetes";
import type { PolicyDefinition } from "./lib/define";
import { toSdkPolicy } from "./lib/sdk";

/** Network policies. */
export const networkPolicies: readonly PolicyDefinition[] = [
  sgNoPublicAdminIngress,
  sgNoPublicDatabaseIngress,
  sgDescriptionRequired,
  vpcFlowLogsEnabled,
  ...networkExposurePolicies,
  ...edgePolicies,
];

/** Storage and data policies. */
export const storagePolicies: readonly PolicyDefinition[] = [
  ebsVolumeEncrypted,
  instanceBlockDevicesEncrypted,
  ebsSnapshotNotPublic,
  s3PublicAccessBlocked,
  rdsNotPublic,
  rdsStorageEncrypted,
  ...s3Policies,
  ...encryptionPolicies,
  ...endpointPolicies,
  ...resiliencePolicies,
];

/** IAM policies (policies/aws/iam/index.ts) and Kubernetes policies (policies/kubernetes/index.ts) are listed there. */
export { iamPolicies, kubernetesPolicies };

/** Governance policies: tags and labels, approved components, alarms, exemptions. */
export const governancePolicies: readonly PolicyDefinition[] = [
  requiredTags,
  approvedComponents,
  criticalResourcesAlarmed,
  exemptionLedger,
];

/** Every policy in the pack, in docs order. Names are unique (the inventory test checks). */
export const policies: readonly PolicyDefinition[] = [
  ...networkPolicies,
  ...storagePolicies,
  ...iamPolicies,
  ...resourcePolicyPolicies,
  ...auditPolicies,
  ...ecsPolicies,
  ...parityPolicies,
  ...kubernetesPolicies,
  ...governancePolicies,
];

/** What `new PolicyPack("paved", packArgs)` serves. */
export const packArgs: PolicyPackArgs = {
  policies: policies.map(toSdkPolicy),
  // Every policy sets its own level; this only covers a policy that does not.
  enforcementLevel: "advisory",
  description: "Paved guardrails for AWS and Kubernetes: network, storage, IAM, pod security and governance.",
  tags: ["aws", "kubernetes", "paved"],
};
