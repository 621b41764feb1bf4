/**
 * The pack: the explicit list of every policy, in docs order, and the
 * @pulumi/policy arguments built from it. Importable without starting the
 * server (tools, tests, docs); `index.ts` is the only file that serves it.
 */
import type { PolicyPackArgs } from "@pulumi/policy";
import { ebsVolumeEncrypted } from "./aws/ebs-volume-encrypted";
import type { PolicyDefinition } from "./lib/define";
import { toSdkPolicy } from "./lib/sdk";

/** Network policies. */
export const networkPolicies: readonly PolicyDefinition[] = [];

/** Storage and data policies. */
export const storagePolicies: readonly PolicyDefinition[] = [ebsVolumeEncrypted];

/** Governance policies: tags and labels, approved components, alarms, exemptions. */
export const governancePolicies: readonly PolicyDefinition[] = [];

/** Every policy in the pack, in docs order. Names are unique (the inventory test checks). */
export const policies: readonly PolicyDefinition[] = [
  ...networkPolicies,
  ...storagePolicies,
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
