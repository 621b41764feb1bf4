/**
 * Every VPC in the stack has a flow log (a stack policy: the relationship
 * spans resources). A flow log covers a VPC when it depends on it (the
 * engine records `vpcId: vpc.id` as a dependency, known or not at preview)
 * or when its `vpcId` equals the VPC's known id.
 */
import { defineStackPolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { asString, peek } from "../lib/props";
import type { Finding, StackResource } from "../lib/types";
import { ofType } from "../lib/stack-index";

export const VPC_TYPES = ["aws:ec2/vpc:Vpc", "aws:ec2/defaultVpc:DefaultVpc"];
export const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

type Coverage = "yes" | "no" | "unknown";

function covers(flowLog: StackResource, vpc: StackResource): Coverage {
  if ((flowLog.dependencies ?? []).some((d) => d.urn === vpc.urn)) return "yes";
  const target = peek(() => asString(flowLog.props.vpcId) ?? "");
  const id = peek(() => asString(vpc.props.id) ?? "");
  if (target === "" || id === "") return "no";
  if (target === undefined || id === undefined) return "unknown";
  return target === id ? "yes" : "no";
}

export const vpcFlowLogsEnabled = defineStackPolicy({
  name: "aws-vpc-flow-logs-enabled",
  description: "Every VPC has a flow log.",
  category: "network",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Add an `aws.ec2.FlowLog` with `vpcId: vpc.id`, `trafficType: "ALL"` and a CloudWatch Logs or S3 destination.',
    "Or create the VPC with Paved's SegmentedNetwork, which always creates its flow log.",
  ],
  frameworks: [cisAws("3.7"), awsFsbp("EC2.6")],
  check(resources) {
    const flowLogs = ofType(resources, FLOW_LOG);
    const findings: Finding[] = [];
    for (const vpc of ofType(resources, ...VPC_TYPES)) {
      const coverage = flowLogs.map((f) => covers(f, vpc));
      if (coverage.includes("yes")) continue;
      if (coverage.includes("unknown")) {
        findings.push({
          urn: vpc.urn,
          advisory: true,
          message: `VPC "${vpc.name}": a flow log's vpcId is unknown during preview, so coverage is checked again on update`,
        });
        continue;
      }
      findings.push({
        urn: vpc.urn,
        message: `VPC "${vpc.name}" has no flow log; add an aws.ec2.FlowLog with vpcId set to this VPC's id`,
      });
    }
    return findings;
  },
});
