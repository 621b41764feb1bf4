/**
 * Fixtures for the resource-policy tables: documents in every shape (object
 * and JSON string, Statement as an object or an array, every Principal form),
 * and the standard rows every "policy not public" table runs on each holder.
 */
import type { FailCase, Fixture, TableCase } from "../../harness";
import { unknown } from "../../harness";

export const ACCOUNT = "111122223333";
export const OWNER_ROOT = `arn:aws:iam::${ACCOUNT}:root`;

/** A statement allowing `principal` the action, with extra fields (a Condition). */
export function allow(principal: unknown, action: string, extra: Record<string, unknown> = {}) {
  return { Effect: "Allow", Principal: principal, Action: action, Resource: "*", ...extra };
}

/** A document: the owner's statement, then `statement`. */
export function doc(statement: unknown): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Owner", Effect: "Allow", Principal: { AWS: OWNER_ROOT }, Action: "*", Resource: "*" },
      statement,
    ],
  };
}

/** One resource that holds a document: a label and how to build it around a document. */
export type Holder = readonly [label: string, build: (document: unknown) => Fixture];

/**
 * The rows every "policy not public" table runs, on every holder, with
 * `action` as the statement's action. `expectPublic` matches the message.
 */
export function standardRows(holders: readonly Holder[], action: string) {
  const pass: TableCase[] = [];
  const fail: FailCase[] = [];
  const unknownRows: TableCase[] = [];
  const pin = (op: string, key: string, v: unknown) => ({ Condition: { [op]: { [key]: v } } });
  for (const [label, build] of holders) {
    const both = (name: string, document: Record<string, unknown>) => [
      { name: `${name} (${label}, object)`, fixture: build(document) },
      { name: `${name} (${label}, JSON string)`, fixture: build(JSON.stringify(document)) },
    ];
    pass.push(
      ...both("a named account", doc(allow({ AWS: `arn:aws:iam::444455556666:role/reader` }, action))),
      ...both(
        '"*" pinned by StringEquals aws:PrincipalOrgID',
        doc(allow("*", action, pin("StringEquals", "aws:PrincipalOrgID", "o-abc123"))),
      ),
      ...both(
        '{AWS: "*"} pinned by StringEquals aws:PrincipalAccount',
        doc(allow({ AWS: "*" }, action, pin("StringEquals", "aws:PrincipalAccount", ACCOUNT))),
      ),
      ...both(
        '"*" pinned by ArnEquals aws:SourceArn',
        doc(
          allow("*", action, pin("ArnEquals", "aws:SourceArn", `arn:aws:events:us-east-1:${ACCOUNT}:rule/r`)),
        ),
      ),
      ...both(
        '"*" pinned by ArnLike aws:SourceArn',
        doc(allow("*", action, pin("ArnLike", "aws:SourceArn", `arn:aws:s3:::bucket-${ACCOUNT}`))),
      ),
      ...both(
        '"*" pinned by StringEquals aws:SourceAccount',
        doc(allow("*", action, pin("StringEquals", "aws:SourceAccount", ACCOUNT))),
      ),
      ...both(
        '"*" pinned by StringEquals aws:SourceVpce',
        doc(allow("*", action, pin("StringEquals", "aws:SourceVpce", "vpce-0a1b2c3d"))),
      ),
      ...both(
        '"*" pinned by ForAnyValue:StringEquals (lower-case operator)',
        doc(allow("*", action, pin("forAnyValue:stringEquals", "aws:PrincipalOrgID", ["o-abc123"]))),
      ),
      ...both("a Service principal", doc(allow({ Service: "events.amazonaws.com" }, action))),
      ...both('a Deny for "*"', doc({ Effect: "Deny", Principal: "*", Action: action, Resource: "*" })),
    );
    const failBoth = (name: string, document: Record<string, unknown>, expect: RegExp) => [
      { name: `${name} (${label}, object)`, fixture: build(document), expect, count: 1 },
      { name: `${name} (${label}, JSON string)`, fixture: build(JSON.stringify(document)), expect, count: 1 },
    ];
    fail.push(
      ...failBoth(
        'Principal "*"',
        doc(allow("*", action)),
        /statement 1: it allows Principal "\*" with no condition/,
      ),
      ...failBoth(
        '{AWS: "*"}',
        doc(allow({ AWS: "*" }, action)),
        /Principal \{"AWS": "\*"\} with no condition/,
      ),
      ...failBoth(
        '{AWS: ["*", arn]}',
        doc(allow({ AWS: [OWNER_ROOT, "*"] }, action)),
        /Principal \{"AWS": "\*"\}/,
      ),
      ...failBoth(
        "an account wildcard",
        doc(allow({ AWS: "arn:aws:iam::*:root" }, action)),
        /"arn:aws:iam::\*:root"/,
      ),
      ...failBoth('{CanonicalUser: "*"}', doc(allow({ CanonicalUser: "*" }, action)), /CanonicalUser/),
      ...failBoth(
        "Allow with NotPrincipal",
        doc({ Effect: "Allow", NotPrincipal: { AWS: OWNER_ROOT }, Action: action, Resource: "*" }),
        /NotPrincipal/,
      ),
      ...failBoth(
        '"*" with StringNotEquals aws:PrincipalOrgID',
        doc(allow("*", action, pin("StringNotEquals", "aws:PrincipalOrgID", "o-abc123"))),
        /no condition pins the caller \(StringNotEquals aws:PrincipalOrgID: a negated operator/,
      ),
      ...failBoth(
        '"*" with StringEqualsIfExists aws:SourceAccount',
        doc(allow("*", action, pin("StringEqualsIfExists", "aws:SourceAccount", ACCOUNT))),
        /IfExists passes when the key is absent/,
      ),
      ...failBoth(
        '"*" with a "*" aws:PrincipalOrgID',
        doc(allow("*", action, pin("StringLike", "aws:PrincipalOrgID", "*"))),
        /value "\*" matches anyone/,
      ),
      ...failBoth(
        '"*" with a wildcard-only aws:SourceArn',
        doc(allow("*", action, pin("ArnLike", "aws:SourceArn", "arn:aws:*:*:*:*"))),
        /matches anyone/,
      ),
      ...failBoth(
        '"*" with an unrelated condition',
        doc(allow("*", action, pin("Bool", "aws:SecureTransport", "true"))),
        /and no condition pins the caller;/,
      ),
    );
    fail.push({
      name: `a single-object Statement (${label})`,
      fixture: build({ Version: "2012-10-17", Statement: allow("*", action) }),
      expect: /statement 0: it allows Principal "\*" with no condition/,
      count: 1,
    });
    fail.push({
      name: `two public statements (${label})`,
      fixture: build({ Statement: [allow("*", action), allow({ AWS: "*" }, action, { Sid: "Two" })] }),
      expect: /statement (0|1 \(Sid "Two"\)): it allows/,
      count: 2,
    });
    unknownRows.push(
      { name: `document unknown (${label})`, fixture: build(unknown) },
      { name: `Statement unknown (${label})`, fixture: build({ Version: "2012-10-17", Statement: unknown }) },
      { name: `principal unknown (${label})`, fixture: build(doc(allow(unknown, action))) },
      {
        name: `pinning value unknown (${label})`,
        fixture: build(doc(allow("*", action, pin("StringEquals", "aws:PrincipalOrgID", unknown)))),
      },
      {
        name: `Effect unknown (${label})`,
        fixture: build(doc({ Effect: unknown, Principal: "*", Action: action })),
      },
    );
  }
  return { pass, fail, unknown: unknownRows };
}
