/**
 * EKS clusters do not expose their Kubernetes API server endpoint to the
 * internet. `vpcConfig.endpointPublicAccess` defaults to true, and
 * `publicAccessCidrs` to 0.0.0.0/0, so unset is a finding. A public
 * endpoint passes only when every allowed CIDR is private or a public range
 * listed in the policy's `allowedPublicCidrs` (an office or VPN egress range).
 */
import { classifyCidr } from "../../../components/core/cidr";
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asList, asRecord, asStrings, isTrue } from "../../lib/props";
import type { Finding } from "../../lib/types";

export const EKS_CLUSTER = "aws:eks/cluster:Cluster";

/** Config of {@link eksEndpointNotPublic}. */
export interface EksEndpointConfig {
  /** Public CIDRs that may reach a public endpoint (exact strings as written in `publicAccessCidrs`). */
  readonly allowedPublicCidrs: readonly string[];
}

const FIX = "set vpcConfig.endpointPublicAccess: false with endpointPrivateAccess: true";

export const eksEndpointNotPublic = defineResourcePolicy<EksEndpointConfig>({
  name: "aws-eks-endpoint-not-public",
  description: "EKS cluster API server endpoints are not reachable from the internet.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `vpcConfig.endpointPublicAccess: false` and `vpcConfig.endpointPrivateAccess: true`; reach the API from the VPC (a bastion, VPN or CI runner inside it).",
    "If a public endpoint is required, set `vpcConfig.publicAccessCidrs` to the few egress ranges that need it and list them in this policy's `allowedPublicCidrs`.",
  ],
  frameworks: [awsFsbp("EKS.1")],
  types: [EKS_CLUSTER],
  configSchema: {
    properties: {
      allowedPublicCidrs: {
        type: "array",
        items: { type: "string" },
        uniqueItems: true,
        default: [],
        description:
          "Public CIDRs (as written in publicAccessCidrs) that may reach a public API endpoint, for example an office or VPN egress range.",
      },
    },
  },
  check(r, ctx) {
    const vpc = asRecord(r.props.vpcConfig) ?? asRecord(asList(r.props.vpcConfig)[0]);
    const access = vpc?.endpointPublicAccess;
    const unset = access === undefined || access === null;
    if (!unset && !isTrue(access)) return [];
    const state = unset
      ? "endpointPublicAccess is unset (public by default)"
      : "endpointPublicAccess is true";
    const cidrs = asStrings(vpc?.publicAccessCidrs);
    if (cidrs.length === 0) {
      return [
        {
          message: `vpcConfig.${state} and publicAccessCidrs is unset, so the Kubernetes API is open to 0.0.0.0/0; ${FIX}`,
        },
      ];
    }
    const findings: Finding[] = [];
    const allowed = new Set(ctx.config.allowedPublicCidrs.map((c) => c.trim()));
    for (const cidr of cidrs) {
      const cls = classifyCidr(cidr.trim());
      if (cls === "private" || (cls === "public" && allowed.has(cidr.trim()))) continue;
      const why =
        cls === "any"
          ? "opens the Kubernetes API to the whole internet"
          : cls === "invalid"
            ? "is not a CIDR"
            : "is a public range not listed in allowedPublicCidrs";
      findings.push({
        message: `vpcConfig.${state} and publicAccessCidrs entry "${cidr}" ${why}; ${FIX}, or restrict publicAccessCidrs to ranges listed in the policy's allowedPublicCidrs`,
      });
    }
    return findings;
  },
});
