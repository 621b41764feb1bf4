/**
 * Elastic Beanstalk environments run in a chosen VPC (setting
 * aws:ec2:vpc/VPCId), apply managed platform updates
 * (aws:elasticbeanstalk:managedactions/ManagedActionsEnabled true) and
 * publish instance logs to S3 (aws:elasticbeanstalk:hostmanager/LogPublicationControl true).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { asList, asRecord, asString } from "../../../lib/props";

function setting(settings: unknown, namespace: string, name: string): string | undefined {
  for (const s of asList(settings)) {
    const rec = asRecord(s);
    if (asString(rec?.namespace) === namespace && asString(rec?.name) === name)
      return asString(rec?.value) ?? String(rec?.value);
  }
  return undefined;
}

export const beanstalkEnvironmentBaseline = defineResourcePolicy({
  name: "aws-beanstalk-environment-baseline",
  description:
    "Elastic Beanstalk environments run in a chosen VPC, take managed platform updates and publish logs to S3.",
  category: "governance",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: placement, patching and logs are the environment's baseline in prod.
  securitySet: true,
  remediation: [
    'Add settings { namespace: "aws:ec2:vpc", name: "VPCId", value: vpc.id } (and Subnets).',
    'Add { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled", value: "true" } with a PreferredStartTime and an UpdateLevel.',
    'Add { namespace: "aws:elasticbeanstalk:hostmanager", name: "LogPublicationControl", value: "true" }. Mandatory in prod.',
  ],
  frameworks: [],
  types: ["aws:elasticbeanstalk/environment:Environment"],
  check(r) {
    const problems: string[] = [];
    if (!setting(r.props.settings, "aws:ec2:vpc", "VPCId"))
      problems.push("no aws:ec2:vpc VPCId (it runs in the default VPC)");
    if (
      setting(
        r.props.settings,
        "aws:elasticbeanstalk:managedactions",
        "ManagedActionsEnabled",
      )?.toLowerCase() !== "true"
    ) {
      problems.push("ManagedActionsEnabled is not true (no managed platform updates)");
    }
    if (
      setting(
        r.props.settings,
        "aws:elasticbeanstalk:hostmanager",
        "LogPublicationControl",
      )?.toLowerCase() !== "true"
    ) {
      problems.push("LogPublicationControl is not true (instance logs are not kept in S3)");
    }
    if (problems.length === 0) return [];
    return [
      { message: `the environment's settings lack its baseline: ${problems.join("; ")}; add those settings` },
    ];
  },
});
