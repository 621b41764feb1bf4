/**
 * No ingress from the internet to a range that contains a database or cache
 * port (the core's DATABASE_PORTS), in any rule shape.
 */
import { DATABASE_PORTS } from "../../components/core/ports";
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp } from "../lib/frameworks";
import { PUBLIC_INGRESS_SCHEMA, PublicIngressConfig, publicIngressFindings } from "../lib/public-ingress";
import { SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE } from "../lib/sg-rules";

export const sgNoPublicDatabaseIngress = defineResourcePolicy<PublicIngressConfig>({
  name: "aws-sg-no-public-database-ingress",
  description:
    "Security groups allow no ingress from the internet to a range containing a database or cache port.",
  category: "network",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Restrict the rule's source to the application tier's security group or private CIDR.",
    "Narrow a port range (or protocol -1) to the ports the application needs.",
    "Put databases in the data tier of Paved's SegmentedNetwork, which has no route to the internet.",
  ],
  frameworks: [awsFsbp("EC2.19")],
  types: [SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE],
  configSchema: PUBLIC_INGRESS_SCHEMA,
  check: (r, ctx) =>
    publicIngressFindings(
      r.type,
      r.props,
      DATABASE_PORTS,
      ctx.config,
      "allow only the application's security group or private range",
    ),
});
