/**
 * What the pack could not read: a `secure:` config value reaches the program
 * as the mask `[secret]` (paved has no key to decrypt it), so wherever an
 * input holds it, a policy saw the mask, not the value. Each such field is an
 * advisory "cannot check: secret", never a silent pass. A real
 * `pulumi preview --policy-pack` decrypts it and checks the value.
 */
import { MASKED_SECRET } from "../project";
import type { Finding } from "./policy";
import type { CheckResource } from "./resource";

/** The pseudo-policy these findings are reported under. */
export const NOT_CHECKED_POLICY = "paved-not-checked";

const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** The paths of the inputs that hold the mask, e.g. `ingress[0].cidrBlocks[0]`. */
export function maskedFields(props: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === "string") {
      if (v.includes(MASKED_SECRET)) out.push(at);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${at}[${i}]`));
      return;
    }
    if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>;
      if (o[SIG_KEY] !== undefined && "value" in o) {
        walk(o.value, at);
        return;
      }
      for (const [k, x] of Object.entries(o)) walk(x, at ? `${at}.${k}` : k);
    }
  };
  walk(props, "");
  return out;
}

/** One advisory finding per resource whose inputs hold a masked secret. */
export function secretFindings(resources: readonly CheckResource[]): Finding[] {
  const out: Finding[] = [];
  for (const r of resources) {
    if (r.type === "pulumi:pulumi:Stack") continue;
    const fields = maskedFields(r.properties);
    if (fields.length === 0) continue;
    out.push({
      policyName: NOT_CHECKED_POLICY,
      policyPackName: "paved",
      description: "Inputs paved cannot read are reported, never passed silently.",
      message:
        `cannot check: secret in ${fields.join(", ")} (a secure: config value paved cannot decrypt; ` +
        "the policies saw [secret]); a real `pulumi preview --policy-pack` sees the decrypted value",
      enforcementLevel: "advisory",
      severity: "medium",
      resourceUrn: r.urn,
      blamed: true,
    });
  }
  return out;
}

/** One advisory finding per resource paved could not see into ("not checked: <why>"). */
export function notCheckedFindings(notes: readonly { urn: string; why: string }[]): Finding[] {
  return notes.map((n) => ({
    policyName: NOT_CHECKED_POLICY,
    policyPackName: "paved",
    description: "Inputs paved cannot read are reported, never passed silently.",
    message: `not checked: ${n.why}`,
    enforcementLevel: "advisory",
    severity: "medium",
    resourceUrn: n.urn,
    blamed: true,
  }));
}
