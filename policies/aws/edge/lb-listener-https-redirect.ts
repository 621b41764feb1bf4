/**
 * Load balancer listeners on plain HTTP only redirect to HTTPS. A listener
 * whose protocol is unset is HTTP (the ALB default). Every default action
 * must be a redirect whose protocol is HTTPS: a redirect without a protocol
 * keeps the request's own (`#{protocol}`), so it stays on HTTP. A listener
 * with neither protocol nor port is a Gateway Load Balancer's (GENEVE) and
 * is skipped.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asList, asNumber, asRecord, asString } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { LB_LISTENER_TYPES, quoted } from "./tls";

const FIX = "make the default action a redirect to HTTPS (protocol HTTPS, port 443, statusCode HTTP_301)";

export const lbListenerHttpsRedirect = defineResourcePolicy({
  name: "aws-lb-listener-https-redirect",
  description: "Load balancer listeners on HTTP redirect every request to HTTPS.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Replace the HTTP listener\'s default actions with one `redirect` action: `{ protocol: "HTTPS", port: "443", statusCode: "HTTP_301" }`.',
    "Serve the application on an HTTPS listener with a TLS 1.2 security policy.",
  ],
  frameworks: [awsFsbp("ELB.1"), nist80053("SC-8")],
  types: LB_LISTENER_TYPES,
  check(r) {
    const written = asString(r.props.protocol);
    const protocol = (written ?? "HTTP").toUpperCase();
    if (protocol !== "HTTP") return [];
    const port = asNumber(r.props.port);
    // A Gateway Load Balancer listener has neither protocol nor port (GENEVE): not HTTP.
    if (written === undefined && r.props.port === undefined) return [];
    const at = `listener${port === undefined ? "" : ` on port ${port}`} (protocol ${written === undefined ? "unset, so HTTP" : `"${written}"`})`;
    const actions = asList(r.props.defaultActions);
    if (actions.length === 0) return [{ message: `${at} has no default action; ${FIX}` }];
    const out: Finding[] = [];
    actions.forEach((raw, i) => {
      const a = asRecord(raw) ?? {};
      const type = asString(a.type);
      if (type?.toLowerCase() !== "redirect") {
        out.push({ message: `${at} default action ${i} is ${quoted(type)}, served over plain HTTP; ${FIX}` });
        return;
      }
      const to = asString(asRecord(a.redirect)?.protocol);
      if (to?.toUpperCase() !== "HTTPS") {
        out.push({
          message: `${at} default action ${i} redirects with protocol ${to === undefined ? 'unset (keeps "#{protocol}", HTTP)' : `"${to}"`}; ${FIX}`,
        });
      }
    });
    return out;
  },
});
