import { DEV_GOVERNANCE, descendants, ofType, settle, useMocks, valueOf } from "../../helpers/pulumi";
// Preview: the mocks return no ids, so every computed output is unknown, as in `pulumi preview`.
const records = useMocks({
  config: {
    ...DEV_GOVERNANCE,
    "paved:permissionsBoundaryArn": "arn:aws:iam::123456789012:policy/platform-boundary",
  },
  region: "eu-west-1",
  preview: true,
});
import { SanVolume } from "../../../components/aws/storage/san-volume";

test("SanVolume previews with unknown ids: same children, cost estimate still known", async () => {
  const vol = new SanVolume("pv", {
    type: "io2",
    sizeGiB: 100,
    iops: 4000,
    shared: true,
    attachments: [{ name: "n1", instanceId: "i-1", availabilityZone: "eu-west-1a", deviceName: "/dev/sdf" }],
  });
  await settle();
  const kids = descendants(records, await valueOf(vol.urn));
  expect(kids.map((k) => k.name).sort()).toEqual([
    "pv-att-n1",
    "pv-dlm",
    "pv-dlm",
    "pv-key",
    "pv-key-alias",
    "pv-snapshots",
    "pv-vol",
  ]);
  expect(ofType(kids, "aws:ebs/volume:Volume")[0].id).toBeUndefined();
  const cost = await valueOf(vol.monthlyCostEstimate);
  expect(cost.perVolume.storage).toBe(13.8);
  expect(cost.priceRegion).toBe("eu-west-1");
});
