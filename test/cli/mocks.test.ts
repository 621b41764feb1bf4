import { DEV_GOVERNANCE, settle, useMocks, valueOf } from "../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, region: "ap-northeast-1" });
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyDocument } from "../../cli/engine/mocks";

class Registering extends pulumi.ComponentResource {
  constructor(name: string) {
    super("paved:test:Registering", name);
    const bucket = new aws.s3.Bucket(`${name}-b`, {}, { parent: this });
    this.registerOutputs({
      register: [{ id: "r1", kind: "security-group", from: "web", to: "app", ports: "8080" }],
      bucketArn: bucket.arn,
      secret: pulumi.secret("s3cr3t"),
    });
  }
}

test("a component's registered outputs are captured on its record", async () => {
  const c = new Registering("reg");
  await settle();
  const urn = await valueOf(c.urn);
  const rec = records.find((r) => r.urn === urn)!;
  expect(rec.outputs?.register).toEqual([
    { id: "r1", kind: "security-group", from: "web", to: "app", ports: "8080" },
  ]);
  expect(rec.outputs?.bucketArn).toBe("arn:aws:s3:::reg-b");
  // Secrets keep their wire form: the CLI decides what to reveal.
  expect(rec.outputs?.secret).toEqual({
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    value: "s3cr3t",
  });
});

test("resources that register no outputs have none", async () => {
  const b = new aws.s3.Bucket("plain");
  await settle();
  const urn = await valueOf(b.urn);
  expect(records.find((r) => r.urn === urn)?.outputs).toBeUndefined();
});

test("getPolicyDocument renders the statements, so policies see what the program wrote", async () => {
  const doc = await aws.iam.getPolicyDocument({
    statements: [
      { sid: "All", effect: "Allow", actions: ["s3:*"], resources: ["*"] },
      {
        effect: "Allow",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: ["arn:aws:iam::123456789012:oidc-provider/x"] }],
        conditions: [{ test: "StringEquals", variable: "x:sub", values: ["system:serviceaccount:a:b"] }],
      },
    ],
  });
  expect(JSON.parse(doc.json)).toEqual({
    Version: "2012-10-17",
    Statement: [
      { Sid: "All", Effect: "Allow", Action: ["s3:*"], Resource: ["*"] },
      {
        Effect: "Allow",
        Action: ["sts:AssumeRoleWithWebIdentity"],
        Principal: { Federated: ["arn:aws:iam::123456789012:oidc-provider/x"] },
        Condition: { StringEquals: { "x:sub": ["system:serviceaccount:a:b"] } },
      },
    ],
  });
});

test('a wildcard principal renders as "*"', () => {
  expect(
    policyDocument({
      statements: [{ actions: ["s3:GetObject"], principals: [{ type: "*", identifiers: ["*"] }] }],
    }),
  ).toEqual({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Principal: "*" }],
  });
});

test("AZs and the AMI lookup answer for the configured region", async () => {
  expect((await aws.getAvailabilityZones({})).names).toEqual([
    "ap-northeast-1a",
    "ap-northeast-1c",
    "ap-northeast-1d",
  ]);
  expect((await aws.ec2.getAmi({ owners: ["amazon"], mostRecent: true })).id).toMatch(/^ami-/);
});
