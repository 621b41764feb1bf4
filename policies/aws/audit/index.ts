/** Audit, keys, registries and the account: CloudTrail, KMS, ECR, password policy, IAM users and boundaries. The pack lists these in docs order. */
import type { PolicyDefinition } from "../../lib/define";
import { cloudtrailEncrypted } from "./cloudtrail-encrypted";
import { cloudtrailLogFileValidation } from "./cloudtrail-log-file-validation";
import { cloudtrailMultiRegion } from "./cloudtrail-multi-region";
import { ecrScanOnPush } from "./ecr-scan-on-push";
import { ecrTagImmutable } from "./ecr-tag-immutable";
import { iamNoUserCredentials } from "./iam-no-user-credentials";
import { iamPasswordPolicy } from "./iam-password-policy";
import { iamPermissionsBoundary } from "./iam-permissions-boundary";
import { kmsKeyRotation } from "./kms-key-rotation";

export const auditPolicies: readonly PolicyDefinition[] = [
  cloudtrailMultiRegion,
  cloudtrailLogFileValidation,
  cloudtrailEncrypted,
  kmsKeyRotation,
  ecrTagImmutable,
  ecrScanOnPush,
  iamPasswordPolicy,
  iamPermissionsBoundary,
  iamNoUserCredentials,
];
