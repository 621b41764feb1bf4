import { DEV_GOVERNANCE, descendants, settle, useMocks, valueOf } from "./pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, region: "eu-west-1" });
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

class Box extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  constructor(name: string) {
    super("paved:test:Box", name);
    this.bucket = new aws.s3.Bucket(`${name}-b`, { tags: { a: "b" } }, { parent: this });
    this.registerOutputs({});
  }
}

test("the mock engine records URN, parent and inputs of every resource", async () => {
  const box = new Box("box");
  await settle();
  const urn = await valueOf(box.urn);
  const kids = descendants(records, urn);
  expect(kids.map((k) => k.type)).toEqual(["aws:s3/bucket:Bucket"]);
  expect(kids[0].inputs.tags).toEqual({ a: "b" });
  expect(kids[0].urn).toContain("paved:test:Box$aws:s3/bucket:Bucket::box-b");
  expect(await valueOf(box.bucket.arn)).toMatch(/^arn:aws:s3:eu-west-1:123456789012:/);
});

test("data sources answer for the configured region", async () => {
  const azs = await aws.getAvailabilityZones({ state: "available" });
  expect(azs.names).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
  expect(new pulumi.Config("paved").require("appId")).toBe("payments-api");
});
