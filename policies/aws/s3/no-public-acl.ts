/**
 * No S3 ACL grants anything to everyone: a canned `acl` of public-read,
 * public-read-write or authenticated-read, or a grant to the AllUsers or
 * AuthenticatedUsers group (any AWS account), on a bucket's inline `acl` /
 * `grants` or on an `aws.s3.BucketAcl` (`acl`, `accessControlPolicy.grants`).
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asList, asRecord, asString, asStrings } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { findingsOf } from "../edge/tls";
import { BUCKET_ACL, BUCKET_ACL_V2, BUCKET_TYPES } from "./types";

/** Canned ACLs that open the bucket, and to whom. */
const PUBLIC_CANNED: Readonly<Record<string, string>> = {
  "public-read": "lets anyone list and read",
  "public-read-write": "lets anyone read and write",
  "authenticated-read": "lets any AWS account read",
  // Not a valid canned ACL, but a common misspelling of authenticated-read.
  "authenticated-users": "lets any AWS account read",
};

/** The group a grantee URI names, when it is a public one. */
function publicGroup(uri: string | undefined): string | undefined {
  const m = /\/groups\/global\/(AllUsers|AuthenticatedUsers)\/?$/i.exec(uri?.trim() ?? "");
  if (!m) return undefined;
  return m[1].toLowerCase() === "allusers" ? "AllUsers (anyone)" : "AuthenticatedUsers (any AWS account)";
}

const FIX =
  'use acl "private" (or none, with object ownership BucketOwnerEnforced) and grant access with a bucket policy to named principals';

function cannedFinding(acl: string | undefined, path: string): Finding[] {
  if (acl === undefined) return [];
  const what = PUBLIC_CANNED[acl.trim().toLowerCase()];
  return what ? [{ message: `${path} "${acl}" ${what}; ${FIX}` }] : [];
}

export const s3NoPublicAcl = defineResourcePolicy({
  name: "aws-s3-no-public-acl",
  description: "S3 bucket ACLs grant nothing to AllUsers or AuthenticatedUsers.",
  category: "storage",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Remove the public canned ACL (public-read, public-read-write, authenticated-read) or set it to "private".',
    "Remove grants whose grantee URI is http://acs.amazonaws.com/groups/global/AllUsers or .../AuthenticatedUsers.",
    'Prefer `aws.s3.BucketOwnershipControls` with `objectOwnership: "BucketOwnerEnforced"` (ACLs off) and a public access block.',
  ],
  frameworks: [awsFsbp("S3.2"), awsFsbp("S3.3"), nist80053("AC-3")],
  types: [...BUCKET_TYPES, BUCKET_ACL, BUCKET_ACL_V2],
  check(r) {
    if (BUCKET_TYPES.includes(r.type)) {
      return findingsOf(
        [
          () => cannedFinding(asString(r.props.acl), "acl"),
          () =>
            asList(r.props.grants).flatMap((g, i) => {
              const grant = asRecord(g) ?? {};
              const group = publicGroup(asString(grant.uri));
              if (!group) return [];
              const perms = asStrings(grant.permissions).join(", ") || "permissions";
              return [{ message: `grants[${i}] gives ${perms} to ${group}; ${FIX}` }];
            }),
        ],
        "the bucket's ACL",
      );
    }
    return findingsOf(
      [
        () => cannedFinding(asString(r.props.acl), "acl"),
        () =>
          asList(asRecord(r.props.accessControlPolicy)?.grants).flatMap((g, i) => {
            const grant = asRecord(g) ?? {};
            const group = publicGroup(asString(asRecord(grant.grantee)?.uri));
            if (!group) return [];
            const perm = asString(grant.permission) ?? "a permission";
            return [{ message: `accessControlPolicy.grants[${i}] gives ${perm} to ${group}; ${FIX}` }];
          }),
      ],
      "the ACL",
    );
  },
});
