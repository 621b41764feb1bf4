import { DEV_GOVERNANCE, descendants, settle, useMocks, valueOf } from "./pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, region: "eu-west-1" });
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

class Box extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  readonly topic: aws.sns.Topic;
  constructor(name: string) {
    super("paved:test:Box", name);
    this.bucket = new aws.s3.Bucket(`${name}-b`, { tags: { a: "b" } }, { parent: this });
    this.topic = new aws.sns.Topic(`${name}-t`, {}, { parent: this });
    this.registerOutputs({});
  }
}

test("the mock engine records URN, parent and inputs of every resource", async () => {
  const box = new Box("box");
  await settle();
  const urn = await valueOf(box.urn);
  const kids = descendants(records, urn);
  expect(kids.map((k) => k.type).sort()).toEqual(["aws:s3/bucket:Bucket", "aws:sns/topic:Topic"]);
  const bucket = kids.find((k) => k.type === "aws:s3/bucket:Bucket")!;
  expect(bucket.inputs.tags).toEqual({ a: "b" });
  expect(bucket.urn).toContain("paved:test:Box$aws:s3/bucket:Bucket::box-b");
  // S3 ARNs carry neither region nor account, as in AWS; the bucket's id is its name.
  expect(await valueOf(box.bucket.arn)).toBe("arn:aws:s3:::box-b");
  expect(await valueOf(box.bucket.id)).toBe("box-b");
  // A regional ARN carries the stack's region and the account.
  expect(await valueOf(box.topic.arn)).toBe("arn:aws:sns:eu-west-1:123456789012:box-t");
});

test("data sources answer for the configured region", async () => {
  const azs = await aws.getAvailabilityZones({ state: "available" });
  expect(azs.names).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
  expect(new pulumi.Config("paved").require("appId")).toBe("payments-api");
});
