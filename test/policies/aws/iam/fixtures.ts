/** IAM fixtures: documents in both shapes (object and JSON string) on every resource that holds one. */
import type { Fixture } from "../../harness";

export const TRUST_EC2 = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

export const READ_BUCKET = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "Read",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:ListBucket"],
      Resource: ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
    },
    { Sid: "Describe", Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*" },
    { Sid: "Guardrail", Effect: "Deny", NotAction: "s3:*", Resource: "*" },
  ],
};

/** A document with one statement. */
export function doc(statement: Record<string, unknown>): Record<string, unknown> {
  return { Version: "2012-10-17", Statement: [statement] };
}

/** A trust document with one Allow statement. */
export function trust(principal: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra });
}

/** Every resource that holds a permissions document, around `document`. */
export function permissionFixtures(document: unknown): [string, Fixture][] {
  return [
    ["aws.iam.Policy", { type: "aws:iam/policy:Policy", props: { policy: document } }],
    ["aws.iam.RolePolicy", { type: "aws:iam/rolePolicy:RolePolicy", props: { role: "r", policy: document } }],
    ["aws.iam.UserPolicy", { type: "aws:iam/userPolicy:UserPolicy", props: { user: "u", policy: document } }],
    [
      "aws.iam.GroupPolicy",
      { type: "aws:iam/groupPolicy:GroupPolicy", props: { group: "g", policy: document } },
    ],
    [
      "aws.iam.Role inlinePolicies",
      {
        type: "aws:iam/role:Role",
        props: {
          assumeRolePolicy: JSON.stringify(TRUST_EC2),
          inlinePolicies: [
            { name: "ok", policy: JSON.stringify(READ_BUCKET) },
            { name: "x", policy: document },
          ],
        },
      },
    ],
  ];
}

/** Rows for a failing document: every holder, as an object and as a JSON string. */
export function failEverywhere(name: string, document: Record<string, unknown>, expect: RegExp, count = 1) {
  return permissionFixtures(document).flatMap(([holder, object]) => [
    { name: `${name} (${holder}, object)`, fixture: object, expect, count },
    {
      name: `${name} (${holder}, JSON string)`,
      fixture: permissionFixtures(JSON.stringify(document)).find(([h]) => h === holder)![1],
      expect,
      count,
    },
  ]);
}

/** A Role with the given trust document. */
export function role(assumeRolePolicy: unknown): Fixture {
  return { type: "aws:iam/role:Role", name: "app", props: { assumeRolePolicy } };
}
