/** The reader the public-endpoint policies share: a `publiclyAccessible`-style flag that must be false. */
import { isTrue } from "../../lib/props";
import type { Finding } from "../../lib/types";

/** What a public flag policy says about its resource. */
export interface PublicFlag {
  /** The input as the user writes it: `publiclyAccessible`. */
  readonly field: string;
  /** True when AWS (or the provider) makes the resource public when the flag is unset. */
  readonly unsetIsPublic: boolean;
  /** The resource in words: `the cluster`. */
  readonly subject: string;
  /** The fix: `set publiclyAccessible: false`. */
  readonly fix: string;
}

function isFalse(v: unknown): boolean {
  return v === false || (typeof v === "string" && v.trim().toLowerCase() === "false");
}

/** The finding for a flag that must be false, or none. */
export function mustBeFalse(value: unknown, f: PublicFlag): Finding[] {
  if (isFalse(value)) return [];
  if (value === undefined || value === null) {
    return f.unsetIsPublic
      ? [{ message: `${f.field} is unset, which makes ${f.subject} publicly accessible; ${f.fix}` }]
      : [];
  }
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return [
    {
      message: isTrue(value)
        ? `${f.field} is true, so ${f.subject} is reachable from the internet; ${f.fix}`
        : `${f.field} is ${shown}, not false; ${f.fix}`,
    },
  ];
}
