import { DEV_GOVERNANCE, settle, useMocks } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, preview: true, transforms: true });
import * as aws from "@pulumi/aws";
import { registerGovernanceTransform } from "../../../components/aws/registration";
import { UNKNOWN_SENTINEL } from "../../../components/aws/iam/lint";

test("during preview, tags that are not known yet stay unknown instead of being replaced", async () => {
  registerGovernanceTransform();
  const source = new aws.s3.Bucket("source");
  // Tags computed from another resource's output: unknown during preview.
  new aws.s3.Bucket("derived", { tags: source.id.apply((id) => ({ copyOf: id })) });
  new aws.s3.Bucket("known", { tags: { team: "a" } });
  await settle();
  const input = (name: string) => records.find((r) => r.name === name)!.inputs;
  expect(input("derived").tags).toBe(UNKNOWN_SENTINEL);
  expect(input("known").tags).toMatchObject({ team: "a", "app-id": "payments-api" });
});
