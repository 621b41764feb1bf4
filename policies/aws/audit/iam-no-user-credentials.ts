/**
 * Stacks do not create long-lived IAM user credentials: console passwords
 * (`aws:iam/userLoginProfile:UserLoginProfile`), access keys
 * (`aws:iam/accessKey:AccessKey`) or service-specific passwords
 * (`aws:iam/serviceSpecificCredential:ServiceSpecificCredential`, for
 * CodeCommit, Keyspaces, Bedrock). People sign in through the identity
 * provider (IAM Identity Center); workloads assume roles. A credential a
 * stack creates also lands in its state (encrypted with `pgpKey`, else as a
 * secret output).
 */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";

export const IAM_USER_LOGIN_PROFILE = "aws:iam/userLoginProfile:UserLoginProfile";
export const IAM_ACCESS_KEY = "aws:iam/accessKey:AccessKey";
export const IAM_SERVICE_SPECIFIC_CREDENTIAL = "aws:iam/serviceSpecificCredential:ServiceSpecificCredential";

const MESSAGES: Readonly<Record<string, string>> = {
  [IAM_ACCESS_KEY]:
    "the stack creates a long-lived IAM access key; use an IAM role (instance profile, IRSA, OIDC federation) instead",
  [IAM_USER_LOGIN_PROFILE]:
    "the stack creates an IAM user console password; sign people in through IAM Identity Center instead",
  [IAM_SERVICE_SPECIFIC_CREDENTIAL]:
    "the stack creates a long-lived service-specific IAM user password; use the service's IAM role or temporary-credential access instead",
};

export const iamNoUserCredentials = defineResourcePolicy({
  name: "aws-iam-no-user-credentials",
  description: "Stacks do not create IAM user console passwords, access keys or service-specific passwords.",
  category: "iam",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: false,
  remediation: [
    "Give people access through IAM Identity Center (or your identity provider's federation) instead of IAM user passwords.",
    "Give workloads an IAM role (instance profile, IRSA / EKS Pod Identity, OIDC federation for CI) instead of access keys.",
    "If a key is unavoidable, create it outside the stack and rotate it at least every 90 days.",
  ],
  frameworks: [nist80053("IA-5")],
  types: [IAM_USER_LOGIN_PROFILE, IAM_ACCESS_KEY, IAM_SERVICE_SPECIFIC_CREDENTIAL],
  check(r) {
    const message = MESSAGES[r.type];
    return message === undefined ? [] : [{ message }];
  },
});
