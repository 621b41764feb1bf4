/**
 * Stand-alone EC2 instances (every `aws.ec2.Instance`: Auto Scaling groups
 * launch theirs from templates) have API termination protection
 * (`disableApiTermination`), so a stray call or console click cannot destroy
 * a pet server.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { quote } from "../../../lib/parity";
import { isTrue } from "../../../lib/props";

export const ec2TerminationProtection = defineResourcePolicy({
  name: "aws-ec2-termination-protection",
  description: "Stand-alone EC2 instances have termination protection enabled.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Resilience hygiene: advisory; Pulumi itself turns it off before a planned replace.
  securitySet: false,
  remediation: [
    "Set `disableApiTermination: true` on the instance (set it false in the same update before a planned deletion).",
    "Better, run the workload in an Auto Scaling group so an instance is cattle, not a pet. Advisory in every stage.",
  ],
  frameworks: [],
  types: ["aws:ec2/instance:Instance"],
  check(r) {
    const v = r.props.disableApiTermination;
    if (isTrue(v)) return [];
    const now = v === undefined ? "disableApiTermination is unset" : `disableApiTermination is ${quote(v)}`;
    return [
      { message: `${now}, so one API call terminates the instance; set disableApiTermination to true` },
    ];
  },
});
