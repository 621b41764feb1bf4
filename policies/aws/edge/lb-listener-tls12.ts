/**
 * HTTPS and TLS listeners of application and network load balancers use a
 * security policy whose floor is TLS 1.2 or later. An unset `sslPolicy` is
 * ELBSecurityPolicy-2016-08, which allows TLS 1.0. A name this pack does not
 * know fails closed unless the config allows it.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asNumber, asString, asStrings } from "../../lib/props";
import {
  DEFAULT_ELB_POLICY,
  elbPolicyFloor,
  isTls12OrLater,
  LB_LISTENER_TYPES,
  RECOMMENDED_ELB_POLICY,
} from "./tls";

export interface LbListenerTlsConfig {
  /** Further policy names accepted as TLS 1.2 or later (a newer predefined policy this table lacks). */
  readonly allowedSslPolicies: string[];
}

export const lbListenerTls12 = defineResourcePolicy<LbListenerTlsConfig>({
  name: "aws-lb-listener-tls12",
  description:
    "HTTPS and TLS load balancer listeners use a security policy that allows TLS 1.2 or later only.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    `Set \`sslPolicy\` to ${RECOMMENDED_ELB_POLICY} (or another ELBSecurityPolicy-TLS13-1-2-*, -TLS-1-2-* or -FS-1-2-* policy).`,
    "If a newer predefined policy is not recognised, add its name to this policy's `allowedSslPolicies`.",
  ],
  frameworks: [awsFsbp("ELB.17"), nist80053("SC-8")],
  types: LB_LISTENER_TYPES,
  configSchema: {
    properties: {
      allowedSslPolicies: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Further security policy names accepted as TLS 1.2 or later.",
      },
    },
  },
  check(r, ctx) {
    const protocol = asString(r.props.protocol)?.toUpperCase();
    if (protocol !== "HTTPS" && protocol !== "TLS") return [];
    const port = asNumber(r.props.port);
    const at = `${protocol} listener${port === undefined ? "" : ` on port ${port}`}`;
    const fix = `set sslPolicy to ${RECOMMENDED_ELB_POLICY}`;
    const policy = asString(r.props.sslPolicy);
    if (policy === undefined || policy.trim() === "") {
      return [
        {
          message: `${at} has no sslPolicy, so AWS applies ${DEFAULT_ELB_POLICY}, which allows TLS 1.0; ${fix}`,
        },
      ];
    }
    if (asStrings(ctx.config.allowedSslPolicies).includes(policy)) return [];
    const floor = elbPolicyFloor(policy);
    if (isTls12OrLater(floor)) return [];
    return [
      {
        message:
          floor === undefined
            ? `${at} uses sslPolicy "${policy}", which is not a known TLS 1.2 policy; ${fix}, or list it in allowedSslPolicies`
            : `${at} uses sslPolicy "${policy}", which allows ${floor}; ${fix}`,
      },
    ];
  },
});
