/**
 * OpenSearch (and legacy Elasticsearch) access policies do not let anyone
 * reach the domain: no Allow to a public principal or with NotPrincipal
 * unless a condition pins the caller. Besides the account/organization/source
 * keys, `IpAddress aws:SourceIp` pins when every range is private or in
 * `trustedSourceCidrs`; 0.0.0.0/0 (or any other public range) does not.
 *
 * A domain placed in a VPC (`vpcOptions.subnetIds`) is reachable only through
 * its security groups, so an open access policy on it passes unless
 * `allowOpenPolicyInVpc` is false. A separate DomainPolicy does not say where
 * its domain lives: it must pin the caller itself.
 */
import { UNKNOWN_SENTINEL as UNKNOWN } from "../../../components/aws/iam/lint";
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { asRecord } from "../../lib/props";
import { publicDocumentFindings } from "../../lib/principals";
import { rawProps } from "../../lib/sdk";
import { previewUnknown } from "../../lib/unknown";
import { documentsIn } from "./documents";

export const OPENSEARCH_DOMAIN = "aws:opensearch/domain:Domain";
export const OPENSEARCH_DOMAIN_POLICY = "aws:opensearch/domainPolicy:DomainPolicy";
export const ELASTICSEARCH_DOMAIN = "aws:elasticsearch/domain:Domain";
export const ELASTICSEARCH_DOMAIN_POLICY = "aws:elasticsearch/domainPolicy:DomainPolicy";

const DOMAINS = [OPENSEARCH_DOMAIN, ELASTICSEARCH_DOMAIN];
const TABLE = {
  [OPENSEARCH_DOMAIN]: ["accessPolicies"],
  [OPENSEARCH_DOMAIN_POLICY]: ["accessPolicies"],
  [ELASTICSEARCH_DOMAIN]: ["accessPolicies"],
  [ELASTICSEARCH_DOMAIN_POLICY]: ["accessPolicies"],
};

interface Config {
  trustedSourceCidrs: string[];
  allowOpenPolicyInVpc: boolean;
}

/** Whether a domain's `vpcOptions` places it in a VPC: true, false, or undefined (not known until apply). */
function inVpc(vpcOptions: unknown): boolean | undefined {
  if (vpcOptions === UNKNOWN) return undefined;
  const subnets = asRecord(vpcOptions)?.subnetIds;
  if (subnets === UNKNOWN) return undefined;
  return Array.isArray(subnets) ? subnets.length > 0 : typeof subnets === "string" && subnets !== "";
}

export const opensearchAccessPolicyNotPublic = defineResourcePolicy<Config>({
  name: "aws-opensearch-access-policy-not-public",
  description:
    "OpenSearch and Elasticsearch access policies do not grant access to everyone (a public principal without a condition pinning the caller or its network).",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the roles or accounts that use the domain in `Principal`.",
    'If `Principal` must be "*", add an IpAddress aws:SourceIp condition with private (or trusted) ranges, or a StringEquals aws:SourceVpce / aws:PrincipalAccount condition.',
    "Place the domain in a VPC (`vpcOptions`) and control access with security groups.",
  ],
  frameworks: [nist80053("AC-3")],
  types: Object.keys(TABLE),
  configSchema: {
    properties: {
      trustedSourceCidrs: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
          "Public CIDRs (an office, a NAT) that pin a caller in an IpAddress aws:SourceIp condition; private ranges always do.",
      },
      allowOpenPolicyInVpc: {
        type: "boolean",
        default: true,
        description:
          "Accept an open access policy on a domain placed in a VPC (its security groups control access).",
      },
    },
  },
  check(resource, ctx) {
    const props = rawProps(resource.props);
    const findings = publicDocumentFindings(documentsIn(TABLE, resource.type, props), {
      sourceIp: { trustedCidrs: ctx.config.trustedSourceCidrs },
      fix: "name the principals that use the domain, or pin the caller with an IpAddress aws:SourceIp condition on private or trusted ranges (or StringEquals aws:SourceVpce / aws:PrincipalAccount)",
    });
    if (findings.length === 0 || !DOMAINS.includes(resource.type) || !ctx.config.allowOpenPolicyInVpc) {
      return findings;
    }
    const vpc = inVpc(props.vpcOptions);
    if (vpc === undefined) throw previewUnknown("vpcOptions is not known until apply");
    return vpc ? [] : findings;
  },
});
