/**
 * The exemption ledger, checked once per stack: every entry of the shared
 * exemptions file (`PAVED_EXEMPTIONS_FILE`) that is malformed (no owner,
 * ticket, reason, expiry or selector) or expired is a violation at this
 * policy's level (mandatory by default), and every exemption used during the
 * run is listed as an advisory note, so a report always says which
 * exemptions let which findings through. See `policies/lib/exemptions.ts`.
 */
import { defineStackPolicy } from "../lib/define";
import { LEDGER_POLICY, isExpired, sharedExemptions, usedExemptions } from "../lib/exemptions";
import { nist80053 } from "../lib/frameworks";
import type { Finding } from "../lib/types";

export const exemptionLedger = defineStackPolicy({
  name: LEDGER_POLICY,
  description: "Policy exemptions are well-formed, unexpired, and reported when used.",
  category: "governance",
  severity: "high",
  defaultLevel: "mandatory",
  remediation: [
    "Give every exemption an owner, a ticket, a reason, an expiry (YYYY-MM-DD) and exactly one of urn, type or namePattern.",
    "Renew an expired exemption through its ticket, or fix the resource and delete the exemption.",
  ],
  frameworks: [nist80053("CA-7")],
  check() {
    const set = sharedExemptions();
    const now = new Date();
    const findings: Finding[] = [];
    for (const p of set.problems) {
      findings.push({ message: `exemption ${p.where} is refused: ${p.message}` });
    }
    for (const e of set.exemptions) {
      if (isExpired(e, now)) {
        findings.push({
          message: `exemption ${e.id} (${e.ticket}, owner ${e.owner}) from ${e.policy} expired on ${e.expires}; renew it or fix the resources it covered`,
        });
      }
    }
    for (const u of usedExemptions()) {
      const e = u.exemption;
      findings.push({
        advisory: true,
        message: `exemption ${e.ticket} (owner ${e.owner}, until ${e.expires}) waived ${u.count} finding(s) of ${e.policy} on ${[...u.urns].join(", ")}`,
      });
    }
    return findings;
  },
});
