/**
 * Rendering a trust whose OIDC provider ARN may be a Pulumi input: the ARN of
 * a provider created in the same program, or the deploying account's GitHub
 * provider. An ARN known up front is validated with the other arguments; one
 * that resolves later is validated when it resolves, with the same error.
 */
import * as aws from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { PavedValidationError } from "../../core/errors";
import {
  eksProviderArnProblem,
  githubProviderArn,
  githubProviderArnProblem,
  RoleTrust,
  trustPolicyDocument,
} from "./trust";

/** Placeholders of the right shape, to lint a trust before its ARNs are known. */
const LINT_GITHUB_PROVIDER = githubProviderArn("aws", "000000000000");
const LINT_EKS_PROVIDER = "arn:aws:iam::000000000000:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/LINT0";

/** The trust with every ARN that is not a plain string replaced by a placeholder of the same kind. */
export function trustForLint(trust: RoleTrust<pulumi.Input<string>>): RoleTrust {
  if (trust.githubOidc !== undefined) {
    const arn = trust.githubOidc.oidcProviderArn;
    return {
      githubOidc: {
        ...trust.githubOidc,
        oidcProviderArn: typeof arn === "string" ? arn : LINT_GITHUB_PROVIDER,
      },
    };
  }
  if (trust.eksServiceAccount !== undefined) {
    const arn = trust.eksServiceAccount.oidcProviderArn;
    return {
      eksServiceAccount: {
        ...trust.eksServiceAccount,
        oidcProviderArn: typeof arn === "string" ? arn : LINT_EKS_PROVIDER,
      },
    };
  }
  return trust as RoleTrust;
}

/**
 * The trust policy JSON once the OIDC provider ARN is known; throws the
 * validation error (naming the arg) when the ARN is of the wrong kind.
 */
export function resolvedTrustJson(
  component: string,
  name: string,
  trust: RoleTrust<pulumi.Input<string>>,
  arn: string,
): string {
  if (trust.githubOidc !== undefined) {
    const problem = githubProviderArnProblem(arn, "trust.githubOidc.oidcProviderArn");
    if (problem) throw new PavedValidationError(component, name, [problem]);
    return JSON.stringify(trustPolicyDocument({ githubOidc: { ...trust.githubOidc, oidcProviderArn: arn } }));
  }
  if (trust.eksServiceAccount !== undefined) {
    const problem = eksProviderArnProblem(arn, "trust.eksServiceAccount.oidcProviderArn");
    if (problem) throw new PavedValidationError(component, name, [problem]);
    return JSON.stringify(
      trustPolicyDocument({ eksServiceAccount: { ...trust.eksServiceAccount, oidcProviderArn: arn } }),
    );
  }
  return JSON.stringify(trustPolicyDocument(trust as RoleTrust));
}

/** The trust policy JSON; OIDC provider ARNs resolved (and checked) first. */
export function renderTrustPolicy(
  component: string,
  name: string,
  trust: RoleTrust<pulumi.Input<string>>,
  parent: pulumi.Resource,
): pulumi.Output<string> {
  if (trust.githubOidc !== undefined) {
    const arn =
      trust.githubOidc.oidcProviderArn ??
      pulumi
        .all([
          aws.getPartitionOutput({}, { parent }).partition,
          aws.getCallerIdentityOutput({}, { parent }).accountId,
        ])
        .apply(([partition, account]) => githubProviderArn(partition, account));
    return pulumi.output(arn).apply((a) => resolvedTrustJson(component, name, trust, a));
  }
  if (trust.eksServiceAccount !== undefined) {
    return pulumi
      .output(trust.eksServiceAccount.oidcProviderArn)
      .apply((a) => resolvedTrustJson(component, name, trust, a));
  }
  return pulumi.output(JSON.stringify(trustPolicyDocument(trust as RoleTrust)));
}
