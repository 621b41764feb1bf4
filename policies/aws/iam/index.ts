/**
 * The IAM policies, in docs order. They read raw aws.iam resources through the
 * shared lint (`components/aws/iam/lint.ts`), the same one LeastPrivilegeRole
 * runs before it creates anything. An explicit list: `policies/pack.ts`
 * concatenates it.
 */
import type { PolicyDefinition } from "../../lib/define";
import { iamNoAdminManagedPolicy } from "./no-admin-managed-policy";
import { iamNoAllowNotAction } from "./no-allow-not-action";
import { iamNoInlineUserPolicy } from "./no-inline-user-policy";
import { iamNoPublicTrust } from "./no-public-trust";
import { iamNoResourceWildcard } from "./no-resource-wildcard";
import { iamNoWildcardAction } from "./no-wildcard-action";
import { iamOidcTrustSub } from "./oidc-trust-sub";

export const iamPolicies: readonly PolicyDefinition[] = [
  iamNoWildcardAction,
  iamNoAllowNotAction,
  iamNoResourceWildcard,
  iamNoAdminManagedPolicy,
  iamNoPublicTrust,
  iamOidcTrustSub,
  iamNoInlineUserPolicy,
];
