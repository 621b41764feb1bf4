/**
 * OpenSearch (and Elasticsearch) domains accept only HTTPS, with TLS 1.2 or
 * later. Without `domainEndpointOptions` the API neither enforces HTTPS nor
 * refuses TLS 1.0; inside the block `enforceHttps` defaults to true, but the
 * TLS policy must be named (`Policy-Min-TLS-1-2-*`).
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asString, isTrue } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { SEARCH_DOMAINS, block } from "./opensearch";
import { quote } from "./settings";

/** TLS security policies whose minimum is TLS 1.2 or later. */
const TLS12_POLICY = /^Policy-Min-TLS-1-[2-9]-/i;
const FIX =
  'set domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" }';

export const opensearchHttpsOnly = defineResourcePolicy({
  name: "aws-opensearch-https-only",
  description: "OpenSearch and Elasticsearch domains accept only HTTPS, with TLS 1.2 or later.",
  category: "network",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `domainEndpointOptions.enforceHttps: true` on the domain.",
    'Set `domainEndpointOptions.tlsSecurityPolicy` to a TLS 1.2 policy: "Policy-Min-TLS-1-2-PFS-2023-10" (or "Policy-Min-TLS-1-2-2019-07").',
  ],
  frameworks: [awsFsbp("OpenSearch.8"), awsFsbp("ES.8")],
  types: SEARCH_DOMAINS,
  check(r) {
    const opts = block(r.props.domainEndpointOptions);
    if (!opts) {
      return [
        {
          message: `domainEndpointOptions is unset, so HTTPS is not enforced and TLS 1.0 is accepted; ${FIX}`,
        },
      ];
    }
    const findings: Finding[] = [];
    const https = opts.enforceHttps;
    // Within the block the provider defaults enforceHttps to true.
    if (https !== undefined && https !== null && !isTrue(https)) {
      findings.push({
        message: `domainEndpointOptions.enforceHttps is ${quote(https)}, so clients may connect over plain HTTP; set enforceHttps: true`,
      });
    }
    const tls = asString(opts.tlsSecurityPolicy)?.trim();
    if (!tls) {
      findings.push({
        message:
          'domainEndpointOptions.tlsSecurityPolicy is unset, so the endpoint may accept TLS 1.0; set tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10"',
      });
    } else if (!TLS12_POLICY.test(tls)) {
      findings.push({
        message: `domainEndpointOptions.tlsSecurityPolicy is ${quote(tls)}, which accepts TLS older than 1.2; set tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10"`,
      });
    }
    return findings;
  },
});
