/**
 * No ingress from the internet to remote administration ports (SSH 22,
 * RDP 3389), in any rule shape, including protocol -1 and port ranges that
 * cover them.
 */
import { ADMIN_PORTS } from "../../components/core/ports";
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { PUBLIC_INGRESS_SCHEMA, PublicIngressConfig, publicIngressFindings } from "../lib/public-ingress";
import { SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE } from "../lib/sg-rules";

export const sgNoPublicAdminIngress = defineResourcePolicy<PublicIngressConfig>({
  name: "aws-sg-no-public-admin-ingress",
  description:
    "Security groups allow no ingress from the internet to remote administration ports (22, 3389).",
  category: "network",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove the rule, or restrict its source to a private range (a bastion's or VPN's CIDR).",
    "Prefer AWS Systems Manager Session Manager over opening SSH or RDP at all.",
    "With Paved's SegmentedNetwork, declare the flow with a justification instead of a raw rule.",
  ],
  frameworks: [cisAws("5.2"), cisAws("5.3"), awsFsbp("EC2.13")],
  types: [SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE],
  configSchema: PUBLIC_INGRESS_SCHEMA,
  check: (r, ctx) =>
    publicIngressFindings(
      r.type,
      r.props,
      ADMIN_PORTS,
      ctx.config,
      "restrict the source to a private range or use Session Manager",
    ),
});
