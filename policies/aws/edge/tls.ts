/**
 * Shared, pure readers for the edge policies: the Elastic Load Balancing
 * predefined security policies and the TLS floor each allows, CloudFront's
 * minimum protocol versions in order, and a way to run several independent
 * parts of a check so one preview unknown does not hide definite findings.
 */
import { peek } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { previewUnknown } from "../../lib/unknown";

export const LB_LISTENER_TYPES: readonly string[] = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];

/** The TLS floor of a policy: the oldest protocol it lets a client negotiate. */
export type TlsFloor = "SSLv3" | "TLS 1.0" | "TLS 1.1" | "TLS 1.2" | "TLS 1.3";

/**
 * Elastic Load Balancing predefined policies named by date only (the old
 * families), and the oldest protocol each allows. All of them allow TLS 1.0
 * or older.
 */
const DATED_ELB_POLICIES: Readonly<Record<string, TlsFloor>> = {
  "ELBSecurityPolicy-2016-08": "TLS 1.0",
  "ELBSecurityPolicy-2015-05": "TLS 1.0",
  "ELBSecurityPolicy-2015-03": "TLS 1.0",
  "ELBSecurityPolicy-2015-02": "TLS 1.0",
  "ELBSecurityPolicy-2014-10": "TLS 1.0",
  "ELBSecurityPolicy-2014-01": "SSLv3",
  "ELBSecurityPolicy-2011-08": "SSLv3",
  "ELBSecurityPolicy-FS-2018-06": "TLS 1.0",
  "ELBSample-ELBDefaultCipherPolicy": "SSLv3",
  "ELBSample-OpenSSLDefaultCipherPolicy": "SSLv3",
};

const FLOOR_BY_MINOR: readonly TlsFloor[] = ["TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"];

/**
 * The TLS floor of an Elastic Load Balancing predefined security policy
 * (ALB, NLB and Classic), or undefined for a name this table does not know.
 * The families say their floor in the name: `ELBSecurityPolicy-TLS-1-2-*`,
 * `-FS-1-2-*`, `-TLS13-1-2-*`, `-TLS13-1-3-*` (TLS 1.2 or later), `-TLS-1-0-*`,
 * `-TLS-1-1-*`, `-FS-1-1-*`, `-TLS13-1-0-*`, `-TLS13-1-1-*` (older).
 */
export function elbPolicyFloor(name: string): TlsFloor | undefined {
  const n = name.trim();
  const dated = Object.entries(DATED_ELB_POLICIES).find(([k]) => k.toLowerCase() === n.toLowerCase());
  if (dated) return dated[1];
  const m = /^ELBSecurityPolicy-(?:TLS|FS|TLS13)-1-([0-3])-/i.exec(n);
  return m ? FLOOR_BY_MINOR[Number(m[1])] : undefined;
}

/** True for a floor of TLS 1.2 or later. */
export function isTls12OrLater(floor: TlsFloor | undefined): boolean {
  return floor === "TLS 1.2" || floor === "TLS 1.3";
}

/** The policy to recommend in messages. */
export const RECOMMENDED_ELB_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
/** What AWS applies to an HTTPS/TLS listener created without a policy. */
export const DEFAULT_ELB_POLICY = "ELBSecurityPolicy-2016-08";

/**
 * The order of CloudFront's `minimumProtocolVersion` values, as a number:
 * SSLv3 < TLSv1 < TLSv1_2016 < TLSv1.1_2016 < TLSv1.2_2018 < TLSv1.2_2019 <
 * TLSv1.2_2021 < TLSv1.2_2025 < TLSv1.3_2025. Undefined for an unrecognised value.
 */
export function cloudFrontProtocolRank(version: string): number | undefined {
  const v = version.trim();
  if (/^SSLv3$/i.test(v)) return 0;
  const m = /^TLSv1(?:\.([0-3]))?(?:_(\d{4}))?$/i.exec(v);
  if (!m) return undefined;
  const minor = m[1] === undefined ? 0 : Number(m[1]);
  const year = m[2] === undefined ? 0 : Number(m[2]);
  return 1 + minor * 10_000 + year;
}

/**
 * Runs independent parts of one check: each part's findings are kept, and a
 * part that reads a preview unknown is skipped. When no part found anything
 * and some part was unknown, throws a preview-unknown error (one advisory
 * "skipped during preview" note) naming `what`.
 */
export function findingsOf(parts: readonly (() => Finding[])[], what: string): Finding[] {
  const out: Finding[] = [];
  let unknown = false;
  for (const part of parts) {
    const found = peek(part);
    if (found === undefined) unknown = true;
    else out.push(...found);
  }
  if (out.length === 0 && unknown) throw previewUnknown(`${what} is not known until apply`);
  return out;
}

/** `"x"` for a string value, `unset` for undefined: how messages quote what the program wrote. */
export function quoted(v: string | undefined): string {
  return v === undefined ? "unset" : `"${v}"`;
}
