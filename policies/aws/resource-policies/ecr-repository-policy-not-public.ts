/**
 * ECR repository and registry policies do not let anyone pull, push or
 * replicate: no Allow to a public principal or with NotPrincipal unless a
 * condition pins the caller (aws:PrincipalOrgID, aws:PrincipalAccount,
 * aws:SourceArn, ...). Public images belong in ECR Public, not in a private
 * repository opened to "*".
 */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { publicPolicyCheck } from "./documents";

export const ECR_REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
export const ECR_REGISTRY_POLICY = "aws:ecr/registryPolicy:RegistryPolicy";

export const ecrRepositoryPolicyNotPublic = defineResourcePolicy({
  name: "aws-ecr-repository-policy-not-public",
  description:
    "ECR repository and registry policies do not grant access to everyone (a public principal without a condition pinning the caller).",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the accounts or roles that pull or push in `Principal`.",
    'If `Principal` must be "*", add a StringEquals aws:PrincipalOrgID or aws:PrincipalAccount condition with concrete values.',
    "Publish images meant for everyone to an ECR Public repository instead.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [ECR_REPOSITORY_POLICY, ECR_REGISTRY_POLICY],
  check: publicPolicyCheck(
    { [ECR_REPOSITORY_POLICY]: ["policy"], [ECR_REGISTRY_POLICY]: ["policy"] },
    {
      fix: "name the accounts that use the repository, or pin the caller with StringEquals aws:PrincipalOrgID / aws:PrincipalAccount",
    },
  ),
});
