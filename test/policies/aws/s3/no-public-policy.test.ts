import { s3NoPublicPolicy } from "../../../../policies/aws/s3/no-public-policy";
import { describePolicyTable, unknown } from "../../harness";

const doc = (statement: Record<string, unknown>) => ({ Version: "2012-10-17", Statement: [statement] });
const allow = (principal: unknown, extra: Record<string, unknown> = {}) =>
  doc({
    Effect: "Allow",
    Principal: principal,
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::data/*",
    ...extra,
  });
const NAMED = allow({ AWS: "arn:aws:iam::123456789012:role/reader" });
const policy = (p: unknown) => ({ patch: { policy: p } });

describePolicyTable(s3NoPublicPolicy, {
  base: {
    type: "aws:s3/bucketPolicy:BucketPolicy",
    props: { bucket: "data", policy: JSON.stringify(NAMED) },
  },
  pass: [
    { name: "a named role as an object", ...policy(NAMED) },
    {
      name: "a service principal",
      ...policy(
        allow(
          { Service: "cloudfront.amazonaws.com" },
          {
            Condition: {
              StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" },
            },
          },
        ),
      ),
    },
    {
      name: '"*" pinned by aws:PrincipalOrgID',
      ...policy(allow("*", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })),
    },
    {
      name: '"*" pinned by aws:SourceVpce',
      ...policy(allow({ AWS: "*" }, { Condition: { StringEquals: { "aws:SourceVpce": ["vpce-1a2b3c"] } } })),
    },
    {
      name: '"*" pinned by ForAnyValue:StringLike aws:PrincipalAccount',
      ...policy(
        allow("*", { Condition: { "ForAnyValue:StringLike": { "aws:PrincipalAccount": "123456789012" } } }),
      ),
    },
    {
      name: '"*" pinned by ArnLike aws:SourceArn',
      ...policy(
        allow("*", { Condition: { ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:*" } } }),
      ),
    },
    {
      name: "a Deny for everyone",
      ...policy(
        doc({
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
      ),
    },
    {
      name: "a Bucket with no inline policy",
      fixture: { type: "aws:s3/bucket:Bucket", props: { bucket: "data" } },
    },
    {
      name: "a BucketV2 with a named inline policy",
      fixture: { type: "aws:s3/bucketV2:BucketV2", props: { policy: JSON.stringify(NAMED) } },
    },
  ],
  fail: [
    {
      name: 'Principal "*" (string JSON)',
      ...policy(JSON.stringify(allow("*"))),
      expect: /^.*\npolicy statement 0: it allows Principal "\*" with no condition; name the principals/,
      count: 1,
    },
    {
      name: 'Principal {AWS: "*"}',
      ...policy(allow({ AWS: "*" })),
      expect: /Principal \{"AWS": "\*"\}/,
      count: 1,
    },
    {
      name: 'Principal {AWS: ["*"]}',
      ...policy(allow({ AWS: ["arn:aws:iam::123456789012:root", "*"] })),
      expect: /Principal \{"AWS": "\*"\}/,
      count: 1,
    },
    {
      name: "a wildcard account ARN",
      ...policy(allow({ AWS: "arn:aws:iam::*:root" })),
      expect: /arn:aws:iam::\*:root/,
      count: 1,
    },
    {
      name: "Statement as a single object",
      ...policy({
        Version: "2012-10-17",
        Statement: { Sid: "Pub", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" },
      }),
      expect: /statement 0 \(Sid "Pub"\)/,
      count: 1,
    },
    {
      name: "Allow with NotPrincipal",
      ...policy(
        doc({
          Effect: "Allow",
          NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "s3:*",
          Resource: "*",
        }),
      ),
      expect: /NotPrincipal/,
      count: 1,
    },
    {
      name: "StringNotEquals does not pin",
      ...policy(allow("*", { Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } } })),
      expect: /no condition pins the caller/,
      count: 1,
    },
    {
      name: "...IfExists does not pin",
      ...policy(allow("*", { Condition: { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1" } } })),
      expect: /no condition pins the caller/,
      count: 1,
    },
    {
      name: "ForAllValues does not pin",
      ...policy(
        allow("*", {
          Condition: { "ForAllValues:StringEquals": { "aws:PrincipalAccount": "123456789012" } },
        }),
      ),
      expect: /no condition pins/,
      count: 1,
    },
    {
      name: "a * value does not pin",
      ...policy(allow("*", { Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } })),
      expect: /no condition pins/,
      count: 1,
    },
    {
      name: "an unrelated key does not pin",
      ...policy(allow("*", { Condition: { Bool: { "aws:SecureTransport": "true" } } })),
      expect: /no condition pins the caller/,
      count: 1,
    },
    {
      name: "inline policy on a Bucket",
      fixture: { type: "aws:s3/bucket:Bucket", props: { policy: allow("*") } },
      expect: /^.*\npolicy statement 0/,
      count: 1,
    },
    {
      name: "inline policy on a BucketV2 (string)",
      fixture: { type: "aws:s3/bucketV2:BucketV2", props: { policy: JSON.stringify(allow({ AWS: ["*"] })) } },
      expect: /policy statement 0/,
      count: 1,
    },
  ],
  unknown: [
    { name: "the policy unknown", ...policy(unknown) },
    {
      name: "the pinning value unknown",
      ...policy(allow("*", { Condition: { StringEquals: { "aws:PrincipalOrgID": unknown } } })),
    },
  ],
});
