/**
 * Every S3 bucket refuses plain HTTP: its policy (inline `policy` or an
 * `aws.s3.BucketPolicy` whose `bucket` names it) has a Deny statement for
 * every principal (`"*"` or `{AWS: "*"}`) on every S3 action (`s3:*` or `*`)
 * with `Bool: {"aws:SecureTransport": "false"}` (or BoolIfExists), or with
 * `NumericLessThan: {"s3:TlsVersion": "1.2"}`. Advisory by default.
 */
import { UNKNOWN_SENTINEL } from "../../../components/aws/iam/match";
import { defineStackPolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { peek } from "../../lib/props";
import { rawStatements } from "../../lib/principals";
import { rawProps } from "../../lib/sdk";
import type { Finding, StackResource } from "../../lib/types";
import { namesOf, refersTo } from "./refs";
import { BUCKET_POLICY, BUCKET_TYPES, isAbsent } from "./types";
import { ofType } from "../../lib/stack-index";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === "string");

function everyone(principal: unknown): boolean {
  if (typeof principal === "string") return principal.trim() === "*";
  return isObject(principal) && strings(principal.AWS).some((a) => a.trim() === "*");
}

/** Condition entries (operator lower-cased, key lower-cased) → values. */
function entries(condition: unknown): { op: string; key: string; values: string[] }[] {
  if (!isObject(condition)) return [];
  const out: { op: string; key: string; values: string[] }[] = [];
  for (const [op, block] of Object.entries(condition)) {
    if (!isObject(block)) continue;
    for (const [key, v] of Object.entries(block)) {
      out.push({ op: op.toLowerCase(), key: key.toLowerCase(), values: list(v).map((x) => String(x)) });
    }
  }
  return out;
}

/** True when a raw statement denies every S3 request over plain HTTP (or below TLS 1.2). */
export function deniesInsecureTransport(s: unknown): boolean {
  if (!isObject(s) || s.Effect !== "Deny" || !everyone(s.Principal)) return false;
  const actions = strings(s.Action).map((a) => a.trim().toLowerCase());
  if (!actions.includes("s3:*") && !actions.includes("*")) return false;
  return entries(s.Condition).some(
    (e) =>
      ((e.op === "bool" || e.op === "boolifexists") &&
        e.key === "aws:securetransport" &&
        e.values.length > 0 &&
        e.values.every((v) => v.toLowerCase() === "false")) ||
      (e.op === "numericlessthan" && e.key === "s3:tlsversion" && e.values.some((v) => Number(v) >= 1.2)),
  );
}

/** "yes" when the document has the deny, "unknown" when it cannot tell yet, else "no". */
function documentDenies(doc: unknown): "yes" | "no" | "unknown" {
  const { statements, unknown } = rawStatements(doc);
  if (statements.some(deniesInsecureTransport)) return "yes";
  return unknown || JSON.stringify(doc ?? "").includes(UNKNOWN_SENTINEL) ? "unknown" : "no";
}

function docOf(r: StackResource): unknown {
  return rawProps(r.props).policy;
}

export const s3TlsOnly = defineStackPolicy({
  name: "aws-s3-tls-only",
  description: "S3 bucket policies deny requests that do not use TLS (aws:SecureTransport false).",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  remediation: [
    'Add to the bucket policy: {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": [bucketArn, `${bucketArn}/*`], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}.',
  ],
  frameworks: [awsFsbp("S3.5"), cisAws("2.1.1")],
  check(resources) {
    const out: Finding[] = [];
    const policies = ofType(resources, BUCKET_POLICY);
    for (const bucket of ofType(resources, ...BUCKET_TYPES)) {
      const names = namesOf(bucket, "bucket", "bucketPrefix");
      const verdicts: ("yes" | "no" | "unknown")[] = [];
      const inline = docOf(bucket);
      if (!isAbsent(inline)) verdicts.push(documentDenies(inline));
      for (const p of policies) {
        const m = refersTo(p, "bucket", bucket, names);
        if (m === "no") continue;
        const d = peek(() => documentDenies(docOf(p))) ?? "unknown";
        verdicts.push(m === "unknown" && d === "yes" ? "unknown" : m === "unknown" ? "no" : d);
      }
      if (verdicts.includes("yes")) continue;
      const at = `bucket "${bucket.name}"`;
      if (verdicts.includes("unknown")) {
        out.push({
          urn: bucket.urn,
          advisory: true,
          message: `${at}: its bucket policy is unknown during preview, so TLS-only access is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: bucket.urn,
        message: `${at} accepts plain HTTP: no bucket policy denies requests with aws:SecureTransport "false"; add a Deny statement for Principal "*" on s3:* with Condition Bool aws:SecureTransport "false"`,
      });
    }
    return out;
  },
});
