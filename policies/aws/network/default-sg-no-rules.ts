/**
 * The default security group of every VPC allows no traffic (CIS AWS 5.4,
 * FSBP EC2.2): anything launched without a group lands in it, so it must
 * have no ingress and no egress rule.
 *
 * `aws.ec2.DefaultSecurityGroup` adopts the group and removes every rule not
 * written in it, so unset or empty `ingress`/`egress` is compliant. A rule
 * resource attached to the default group (`securityGroupId:
 * defaultSg.id`, found by dependency or by a known id) is a finding too. A
 * stack policy, because a rule resource names its group only by id.
 */
import { defineStackPolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { asList, asString, peek } from "../../lib/props";
import { SECURITY_GROUP_RULE, VPC_EGRESS_RULE, VPC_INGRESS_RULE } from "../../lib/sg-rules";
import type { Finding, StackResource } from "../../lib/types";
import { ofType } from "../../lib/stack-index";

export const DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

const RULE_RESOURCES: readonly string[] = [SECURITY_GROUP_RULE, VPC_INGRESS_RULE, VPC_EGRESS_RULE];

/**
 * The default group a rule resource attaches to, when it is in the stack:
 * `securityGroupId: defaultSg.id` records a dependency (known or not at
 * preview); a literal id is compared with the groups' known ids.
 */
function attachedDefault(rule: StackResource, defaults: readonly StackResource[]): StackResource | undefined {
  const deps = new Set((rule.dependencies ?? []).map((d) => d.urn));
  const byDep = defaults.find((g) => deps.has(g.urn));
  if (byDep) return byDep;
  const target = peek(() => asString(rule.props.securityGroupId));
  if (target === undefined || target === "") return undefined;
  return defaults.find((g) => peek(() => asString(g.props.id)) === target);
}

export const defaultSgNoRules = defineStackPolicy({
  name: "aws-default-sg-no-rules",
  description: "The default security group of every VPC has no ingress and no egress rules.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `ingress: []` and `egress: []` on the aws.ec2.DefaultSecurityGroup (Pulumi then removes every rule it holds).",
    "Remove rule resources (aws.ec2.SecurityGroupRule, aws.vpc.SecurityGroupIngressRule/EgressRule) whose securityGroupId is the default group.",
    "Create a dedicated security group for each workload and attach that instead; Paved's SegmentedNetwork locks the default group for you.",
  ],
  frameworks: [cisAws("5.4"), awsFsbp("EC2.2")],
  check(resources) {
    const defaults = ofType(resources, DEFAULT_SECURITY_GROUP);
    if (defaults.length === 0) return [];
    const findings: Finding[] = [];
    for (const g of defaults) {
      const counts: string[] = [];
      let unknown = false;
      for (const direction of ["ingress", "egress"] as const) {
        const n = peek(() => asList(g.props[direction]).length);
        if (n === undefined) unknown = true;
        else if (n > 0) counts.push(`${n} ${direction} rule${n === 1 ? "" : "s"}`);
      }
      if (counts.length > 0) {
        findings.push({
          urn: g.urn,
          message: `default security group "${g.name}" has ${counts.join(" and ")}; set \`ingress: []\` and \`egress: []\` and give workloads their own group`,
        });
      } else if (unknown) {
        findings.push({
          urn: g.urn,
          advisory: true,
          message: `default security group "${g.name}": its rules are not known during preview; they are checked again on update`,
        });
      }
    }
    for (const r of ofType(resources, ...RULE_RESOURCES)) {
      const g = attachedDefault(r, defaults);
      if (g === undefined) continue;
      findings.push({
        urn: r.urn,
        message: `rule "${r.name}" adds a rule to default security group "${g.name}"; remove it and attach the workload to its own security group`,
      });
    }
    return findings;
  },
});
