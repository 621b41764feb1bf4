/**
 * SageMaker notebook instances run in the team's VPC (`subnetId`) without
 * SageMaker's direct internet access (`directInternetAccess` "Disabled";
 * "Enabled" is the default), so their traffic goes through the VPC's
 * controls (security groups, endpoints, egress inspection).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { isUnset, quote } from "../../../lib/parity";
import { asString } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

export const sagemakerNotebookIsolated = defineResourcePolicy({
  name: "aws-sagemaker-notebook-isolated",
  description: "SageMaker notebook instances run inside a VPC with direct internet access disabled.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `subnetId` (a private subnet) and `securityGroups`, and `directInternetAccess: "Disabled"`.',
    "Reach package repositories and AWS APIs through VPC endpoints or the VPC's NAT.",
  ],
  frameworks: [awsFsbp("SageMaker.2"), awsFsbp("SageMaker.1")],
  types: ["aws:sagemaker/notebookInstance:NotebookInstance"],
  check(r) {
    const out: Finding[] = [];
    const direct = asString(r.props.directInternetAccess);
    if (direct !== "Disabled") {
      const now =
        direct === undefined
          ? "directInternetAccess is unset (Enabled)"
          : `directInternetAccess is ${quote(direct)}`;
      out.push({
        message: `${now}, so the notebook reaches the internet outside your VPC's controls; set directInternetAccess to "Disabled"`,
      });
    }
    if (isUnset(r.props.subnetId)) {
      out.push({
        message:
          "subnetId is unset, so the notebook runs outside your VPC; set subnetId to a private subnet and securityGroups",
      });
    }
    return out;
  },
});
