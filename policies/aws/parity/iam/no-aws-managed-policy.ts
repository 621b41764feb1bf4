/**
 * In the environments the config names (prod by default), IAM principals get
 * customer managed policies scoped to the workload, not AWS managed policies
 * (`arn:aws:iam::aws:policy/...`), which grant far more than one workload
 * needs and change when AWS updates them. Service-role policies
 * (`service-role/*`) and the allow-list stay allowed. Administrator and
 * full-access policies are refused everywhere by aws-iam-no-admin-managed-policy.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { asStrings } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const ATTACHMENTS = [
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  "aws:iam/policyAttachment:PolicyAttachment",
];
const ROLE = "aws:iam/role:Role";

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/;

const ALLOWED = [
  "AmazonSSMManagedInstanceCore",
  "CloudWatchAgentServerPolicy",
  "AmazonEKSClusterPolicy",
  "AmazonEKSWorkerNodePolicy",
  "AmazonEKS_CNI_Policy",
  "AmazonEC2ContainerRegistryReadOnly",
  "AWSXRayDaemonWriteAccess",
];

interface Config {
  environments: string[];
  allowed: string[];
}

export const iamNoAwsManagedPolicy = defineResourcePolicy<Config>({
  name: "aws-iam-no-aws-managed-policy",
  description:
    "In the environments the config names, IAM principals use customer managed policies instead of AWS managed ones (service-role and allow-listed policies excepted).",
  category: "iam",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene: AWS managed policies are broad but not administrator (that is
  // aws-iam-no-admin-managed-policy, mandatory); least privilege here is advice.
  securitySet: false,
  remediation: [
    "Write a customer managed policy (`aws.iam.Policy`) with the actions and resources the workload uses, and attach it instead.",
    "Allow a specific AWS managed policy through the `allowed` config (policy path after `policy/`). Advisory: administrator policies are refused by aws-iam-no-admin-managed-policy.",
  ],
  frameworks: [nist80053("AC-6")],
  types: [...ATTACHMENTS, ROLE],
  configSchema: {
    properties: {
      environments: {
        type: "array",
        items: { type: "string" },
        default: ["prod"],
        description: "The `paved:environment` values in which AWS managed policies are reported.",
      },
      allowed: {
        type: "array",
        items: { type: "string" },
        default: ALLOWED,
        description:
          "AWS managed policy names (the path after `policy/`) that stay allowed; service-role/* always is.",
      },
    },
  },
  check(r, ctx) {
    const env = ctx.stack.environment;
    if (env === undefined || !ctx.config.environments.includes(env)) return [];
    const [field, arns] =
      r.type === ROLE
        ? ["managedPolicyArns", asStrings(r.props.managedPolicyArns)]
        : ["policyArn", asStrings(r.props.policyArn)];
    const out: Finding[] = [];
    for (const arn of arns) {
      const name = AWS_MANAGED.exec(arn.trim())?.[1];
      if (!name || name.startsWith("service-role/") || ctx.config.allowed.includes(name)) continue;
      out.push({
        message: `${field} attaches the AWS managed policy "${name}" in ${env}; attach a customer managed policy scoped to the workload instead (or allow-list it)`,
      });
    }
    return out;
  },
});
