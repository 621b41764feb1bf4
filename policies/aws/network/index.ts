/** Network exposure beyond the security-group port tables: any public ingress, default security groups, network ACLs, IMDSv2. The pack lists these in docs order. */
import type { PolicyDefinition } from "../../lib/define";
import { defaultSgNoRules } from "./default-sg-no-rules";
import { ec2Imdsv2Required } from "./ec2-imdsv2-required";
import { naclNoPublicAdminIngress } from "./nacl-no-public-admin-ingress";
import { sgInternetIngressWebOnly } from "./sg-internet-ingress-web-only";

export const networkExposurePolicies: readonly PolicyDefinition[] = [
  sgInternetIngressWebOnly,
  defaultSgNoRules,
  naclNoPublicAdminIngress,
  ec2Imdsv2Required,
];
