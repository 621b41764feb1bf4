/**
 * EC2 instances, launch templates, launch configurations and spot instance
 * requests require IMDSv2 (session tokens) for the instance metadata
 * service, so an SSRF cannot read the instance role's credentials with a
 * plain GET (FSBP EC2.8, EC2.170, AutoScaling.3; CIS AWS 5.6).
 *
 * `metadataOptions.httpTokens` must be "required". Unset is a finding: AWS's
 * default is "optional" (IMDSv1 allowed) unless the AMI or account says
 * otherwise, which a program cannot show. Turning the endpoint off
 * (`httpEndpoint: "disabled"`) is compliant too. A hop limit above 1 on an
 * instance is an advisory note: containers on the host can then reach IMDS.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { asNumber, asRecord, asString, peek } from "../../lib/props";
import type { Finding } from "../../lib/types";

export const INSTANCE = "aws:ec2/instance:Instance";
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
export const SPOT_INSTANCE_REQUEST = "aws:ec2/spotInstanceRequest:SpotInstanceRequest";

const WHAT: Readonly<Record<string, string>> = {
  [INSTANCE]: "the instance",
  [LAUNCH_TEMPLATE]: "the launch template",
  [LAUNCH_CONFIGURATION]: "the launch configuration",
  [SPOT_INSTANCE_REQUEST]: "the spot instance request",
};

export const ec2Imdsv2Required = defineResourcePolicy({
  name: "aws-ec2-imdsv2-required",
  description:
    'EC2 instances, launch templates and launch configurations require IMDSv2 (metadataOptions.httpTokens "required").',
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" }` on the instance, launch template or launch configuration.',
    'Or set `httpEndpoint: "disabled"` when nothing on the instance reads the metadata service.',
    "Keep `httpPutResponseHopLimit` at 1 unless containers on the host need IMDS (then 2).",
  ],
  frameworks: [awsFsbp("EC2.8"), awsFsbp("EC2.170"), awsFsbp("AutoScaling.3"), cisAws("5.6")],
  types: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION, SPOT_INSTANCE_REQUEST],
  check(r) {
    const what = WHAT[r.type] ?? "the resource";
    const m = asRecord(r.props.metadataOptions);
    const tokens = asString(m?.httpTokens);
    const findings: Finding[] = [];
    if (tokens?.trim().toLowerCase() !== "required") {
      if (asString(m?.httpEndpoint)?.trim().toLowerCase() === "disabled") return [];
      findings.push({
        message:
          tokens === undefined
            ? `${what} does not set metadataOptions.httpTokens, so AWS's default "optional" allows IMDSv1; set httpTokens to "required"`
            : `${what} sets metadataOptions.httpTokens to "${tokens}", which allows IMDSv1; set it to "required"`,
      });
    }
    // The note is optional: an unknown hop limit must not hide a definite verdict.
    const hops = peek(() => asNumber(m?.httpPutResponseHopLimit));
    if (r.type === INSTANCE && hops !== undefined && hops > 1) {
      findings.push({
        advisory: true,
        message: `${what} sets metadataOptions.httpPutResponseHopLimit to ${hops}, so containers on the host can reach IMDS; use 1 unless they need it`,
      });
    }
    return findings;
  },
});
