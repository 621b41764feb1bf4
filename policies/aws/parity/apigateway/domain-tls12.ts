/**
 * API Gateway custom domain names negotiate TLS 1.2 or later: REST API
 * domains (`securityPolicy` "TLS_1_2" or an enhanced TLS 1.2/1.3 policy; the
 * legacy "TLS_1_0" is refused, and unset is refused because older domains
 * default to it) and HTTP/WebSocket domains (`domainNameConfiguration.securityPolicy`).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asRecord, asString } from "../../../lib/props";

const REST = "aws:apigateway/domainName:DomainName";
const V2 = "aws:apigatewayv2/domainName:DomainName";

/** TLS_1_2, or an enhanced policy whose minimum is TLS 1.2 or 1.3 (SecurityPolicy_TLS13_..., SecurityPolicy_TLS12_...). */
export function isTls12Policy(p: string): boolean {
  return p === "TLS_1_2" || /^SecurityPolicy_TLS1[23]_/i.test(p);
}

export const apigatewayDomainTls12 = defineResourcePolicy({
  name: "aws-apigateway-domain-tls12",
  description: "API Gateway custom domain names accept TLS 1.2 or later only.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'REST API domain: set `securityPolicy: "TLS_1_2"` (or a TLS 1.3 enhanced policy).',
    'HTTP or WebSocket API domain: set `domainNameConfiguration.securityPolicy: "TLS_1_2"`.',
  ],
  frameworks: [nist80053("SC-8")],
  types: [REST, V2],
  check(r) {
    const [field, raw] =
      r.type === REST
        ? ["securityPolicy", r.props.securityPolicy]
        : [
            "domainNameConfiguration.securityPolicy",
            asRecord(r.props.domainNameConfiguration)?.securityPolicy,
          ];
    const p = asString(raw);
    if (p && isTls12Policy(p)) return [];
    const now =
      p === undefined ? `${field} is unset (older domains default to TLS 1.0)` : `${field} is ${quote(p)}`;
    return [{ message: `${now}, so clients may connect with TLS older than 1.2; set ${field} to "TLS_1_2"` }];
  },
});
