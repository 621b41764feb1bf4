/**
 * EC2 instances, launch templates and launch configurations do not ask for a
 * public IPv4 address. Internet traffic reaches workloads through load
 * balancers; administration goes through Systems Manager. An address the
 * subnet assigns (`mapPublicIpOnLaunch`) is the network's decision and is not
 * read here.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asList, asRecord, isTrue } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const INSTANCE = "aws:ec2/instance:Instance";
const SPOT = "aws:ec2/spotInstanceRequest:SpotInstanceRequest";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";

export const ec2NoPublicIp = defineResourcePolicy({
  name: "aws-ec2-no-public-ip",
  description:
    "EC2 instances, launch templates and launch configurations do not assign a public IPv4 address.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove `associatePublicIpAddress` (or set it to false) and put the instance in a private subnet.",
    "Serve internet traffic through a load balancer and administer instances through Systems Manager Session Manager.",
  ],
  frameworks: [awsFsbp("EC2.9"), awsFsbp("EC2.25"), awsFsbp("AutoScaling.5")],
  types: [INSTANCE, SPOT, TEMPLATE, CONFIGURATION],
  check(r) {
    const out: Finding[] = [];
    if (r.type !== TEMPLATE && isTrue(r.props.associatePublicIpAddress)) {
      out.push({
        message: `associatePublicIpAddress is ${quote(r.props.associatePublicIpAddress)}, so the instance is reachable at a public address; remove it and reach the instance through a load balancer or Session Manager`,
      });
    }
    if (r.type === TEMPLATE) {
      asList(r.props.networkInterfaces).forEach((ni, i) => {
        const v = asRecord(ni)?.associatePublicIpAddress;
        if (isTrue(v)) {
          out.push({
            message: `networkInterfaces[${i}].associatePublicIpAddress is ${quote(v)}, so instances launched from the template get a public address; set it to "false"`,
          });
        }
      });
    }
    return out;
  },
});
