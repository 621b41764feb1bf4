import {
  documentsOf,
  iamFindings,
  lintDocument,
  PERMISSION_POLICY_TYPES,
  unknownStatements,
} from "../../../../policies/aws/iam/documents";
import { UnknownValueError } from "../../../../policies/lib/unknown";
import { runPolicy, runStackPolicy, unknown } from "../../harness";
import { iamNoWildcardAction } from "../../../../policies/aws/iam/no-wildcard-action";
import { iamNoResourceWildcard } from "../../../../policies/aws/iam/no-resource-wildcard";
import { READ_BUCKET, TRUST_EC2, doc } from "./fixtures";

const resource = (type: string, props: Record<string, unknown>) => ({ type, urn: "urn:x", name: "r", props });

describe("documentsOf", () => {
  it.each(PERMISSION_POLICY_TYPES)("reads `policy` on %s", (type) => {
    expect(documentsOf(type, { policy: READ_BUCKET })).toEqual([
      { kind: "permissions", path: "policy", doc: READ_BUCKET },
    ]);
  });

  it("reads a Role's trust and every inline policy, skipping name-only entries", () => {
    const refs = documentsOf("aws:iam/role:Role", {
      assumeRolePolicy: TRUST_EC2,
      inlinePolicies: [{ name: "a", policy: "{}" }, { name: "empty" }, { name: "b", policy: READ_BUCKET }],
    });
    expect(refs.map((r) => `${r.kind} ${r.path}`)).toEqual([
      "trust assumeRolePolicy",
      "permissions inlinePolicies[0].policy",
      "permissions inlinePolicies[2].policy",
    ]);
  });

  it("reads nothing from other types or absent documents", () => {
    expect(documentsOf("aws:s3/bucket:Bucket", { policy: READ_BUCKET })).toEqual([]);
    expect(documentsOf("aws:iam/policy:Policy", {})).toEqual([]);
  });
});

describe("lintDocument", () => {
  it("caches by document string and kind", () => {
    const text = JSON.stringify(doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }));
    const first = lintDocument("permissions", text);
    expect(lintDocument("permissions", text)).toBe(first);
    expect(lintDocument("trust", text)).not.toBe(first);
    expect(lintDocument("permissions", text, { noResourceLevelActions: ["s3:*"] })).not.toBe(first);
    expect(first.findings.map((f) => f.code)).toContain("PAVED_IAM_WILDCARD_ACTION");
  });

  it("marks unknown and partial documents", () => {
    expect(lintDocument("permissions", unknown).unknown).toBe(true);
    expect(
      lintDocument("permissions", doc({ Effect: "Allow", Action: "s3:GetObject", Resource: unknown }))
        .unknown,
    ).toBe(true);
    expect(lintDocument("permissions", READ_BUCKET).unknown).toBe(false);
  });
});

describe("iamFindings", () => {
  const rule = { kinds: ["permissions"] as const, codes: ["PAVED_IAM_WILDCARD_ACTION"] };

  it("prefixes each finding with the input that holds the document", () => {
    const r = resource("aws:iam/role:Role", {
      assumeRolePolicy: TRUST_EC2,
      inlinePolicies: [
        {
          name: "x",
          policy: doc({ Effect: "Allow", Action: "kms:*", Resource: "arn:aws:kms:eu-west-1:1:key/k" }),
        },
      ],
    });
    const [f] = iamFindings(r, rule);
    expect(f.message).toMatch(/^inlinePolicies\[0\]\.policy: statement 0 allows wildcard action "kms:\*"/);
  });

  it("throws the pack's unknown error only when the whole document is unknown and nothing is found", () => {
    expect(() => iamFindings(resource("aws:iam/policy:Policy", { policy: unknown }), rule)).toThrow(
      UnknownValueError,
    );
    const partial = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: unknown });
    const notes = iamFindings(resource("aws:iam/policy:Policy", { policy: partial }), rule);
    expect(notes).toEqual([
      {
        advisory: true,
        message:
          "policy: statement 0: Resource is not known until apply, so it is checked again on update (the other statements were checked)",
      },
    ]);
    const both = {
      Version: "2012-10-17",
      Statement: [...(partial.Statement as unknown[]), { Effect: "Allow", Action: "s3:*", Resource: "*" }],
    };
    const found = iamFindings(resource("aws:iam/policy:Policy", { policy: both }), rule);
    expect(found.map((f) => f.advisory ?? false)).toEqual([false, true]);
    expect(found[0].message).toMatch(/statement 1 allows wildcard action "s3:\*"/);
  });

  it("a rule notes only the statements whose fields it reads", () => {
    const partial = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: unknown });
    const r = resource("aws:iam/policy:Policy", { policy: partial });
    expect(iamFindings(r, { ...rule, fields: ["Action", "NotAction"] })).toEqual([]);
    expect(iamFindings(r, { ...rule, fields: ["Resource"] })).toHaveLength(1);
  });

  it("a statement that is itself unknown is noted, never passed unseen", () => {
    const policy = {
      Version: "2012-10-17",
      Statement: [unknown, { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }],
    };
    const [note] = iamFindings(resource("aws:iam/policy:Policy", { policy }), {
      ...rule,
      fields: ["Action"],
    });
    expect(note.advisory).toBe(true);
    expect(note.message).toMatch(/^policy: statement 0 is not known until apply/);
  });
});

describe("unknownStatements", () => {
  it("names each statement with an unknown, its Sid and fields, in objects and JSON strings", () => {
    const d = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::a/*", unknown] },
        { Effect: "Allow", Action: "logs:PutLogEvents", Resource: "arn:aws:logs:*:*:*" },
        {
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringEquals: { k: unknown } },
        },
      ],
    };
    const expected = [
      { index: 0, sid: "Read", fields: ["Resource"] },
      { index: 2, sid: undefined, fields: ["Condition"] },
    ];
    expect(unknownStatements(d)).toEqual(expected);
    expect(unknownStatements(JSON.stringify(d))).toEqual(expected);
    expect(unknownStatements(READ_BUCKET)).toEqual([]);
    expect(unknownStatements(unknown)).toEqual([]);
  });
});

describe("through the analyzer", () => {
  it("a partial document with nothing definite gives one advisory note naming the statement", async () => {
    const vs = await runPolicy(iamNoResourceWildcard, {
      type: "aws:iam/policy:Policy",
      props: { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: unknown }) },
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
    expect(vs[0].message).toMatch(/policy: statement 0: Resource is not known until apply/);
  });

  it("a wholly unknown document gives one advisory 'skipped during preview' note", async () => {
    const vs = await runPolicy(iamNoResourceWildcard, {
      type: "aws:iam/policy:Policy",
      props: { policy: unknown },
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
    expect(vs[0].message).toMatch(/skipped during preview: policy is not known until apply/);
  });

  it("one unknown ARN in one statement: the known statements are checked and quoted as written", async () => {
    const vs = await runPolicy(iamNoResourceWildcard, {
      type: "aws:iam/policy:Policy",
      props: {
        policy: {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: "s3:GetObject", Resource: unknown },
            { Effect: "Allow", Action: "s3:PutObject", Resource: "*" },
            { Effect: "Allow", Action: "logs:PutLogEvents", Resource: "arn:aws:logs:*:*:*" },
          ],
        },
      },
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory", "mandatory", "advisory"]);
    expect(vs[0].message).toMatch(/statement 1 allows action "s3:PutObject" on Resource "\*", but/);
    expect(vs[1].message).toMatch(
      /statement 2 allows action "logs:PutLogEvents" on Resource "arn:aws:logs:\*:\*:\*" \(every resource of its kind\)/,
    );
    expect(vs[2].message).toMatch(/statement 0: Resource is not known until apply/);
  });
});

describe("aws-iam-no-wildcard-action (a stack policy) on a partial document", () => {
  it("checks the known statements and notes only the one whose actions or resources are unknown", async () => {
    const vs = await runStackPolicy(iamNoWildcardAction, [
      {
        type: "aws:iam/policy:Policy",
        name: "p",
        props: {
          policy: {
            Version: "2012-10-17",
            Statement: [
              { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: unknown },
              { Effect: "Allow", Action: "kms:*", Resource: "arn:aws:kms:eu-west-1:1:key/k" },
              {
                Effect: "Allow",
                Action: "sqs:SendMessage",
                Resource: "*",
                Condition: { StringEquals: { k: unknown } },
              },
            ],
          },
        },
      },
    ]);
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory", "advisory"]);
    expect(vs[0].message).toMatch(/statement 1 allows wildcard action "kms:\*"/);
    expect(vs[1].message).toMatch(
      /"p": policy: statement 0 \(Sid "Read"\): Resource is not known until apply/,
    );
    expect(vs[1].message).not.toMatch(/statement 2/);
  });
});
