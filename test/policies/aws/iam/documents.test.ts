import {
  documentsOf,
  iamFindings,
  lintDocument,
  PERMISSION_POLICY_TYPES,
} from "../../../../policies/aws/iam/documents";
import { UnknownValueError } from "../../../../policies/lib/unknown";
import { runPolicy, unknown } from "../../harness";
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

  it("throws the pack's unknown error only when nothing definite is found", () => {
    const partial = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: unknown });
    expect(() => iamFindings(resource("aws:iam/policy:Policy", { policy: partial }), rule)).toThrow(
      UnknownValueError,
    );
    const both = {
      Version: "2012-10-17",
      Statement: [...(partial.Statement as unknown[]), { Effect: "Allow", Action: "s3:*", Resource: "*" }],
    };
    expect(iamFindings(resource("aws:iam/policy:Policy", { policy: both }), rule)).toHaveLength(1);
  });
});

describe("through the analyzer", () => {
  it("a partial document with nothing definite gives one advisory 'skipped during preview' note", async () => {
    const vs = await runPolicy(iamNoResourceWildcard, {
      type: "aws:iam/policy:Policy",
      props: { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: unknown }) },
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
    expect(vs[0].message).toMatch(/skipped during preview: policy is not fully known until apply/);
  });

  it("a definite finding in a partial document is reported at the policy's level", async () => {
    const vs = await runPolicy(iamNoResourceWildcard, {
      type: "aws:iam/policy:Policy",
      props: {
        policy: {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: "s3:GetObject", Resource: unknown },
            { Effect: "Allow", Action: "s3:PutObject", Resource: "*" },
          ],
        },
      },
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
    expect(vs[0].message).toMatch(/statement 1 allows action "s3:PutObject" on Resource "\*"/);
  });
});
