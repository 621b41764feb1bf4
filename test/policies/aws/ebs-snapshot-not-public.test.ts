import { ebsSnapshotNotPublic } from "../../../policies/aws/ebs-snapshot-not-public";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(ebsSnapshotNotPublic, {
  base: {
    type: "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission",
    props: { snapshotId: "snap-1", accountId: "123456789012" },
  },
  pass: [
    {
      name: "snapshot block public access on",
      fixture: {
        type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
        props: { state: "block-all-sharing" },
      },
    },
    {
      name: "new sharing blocked",
      fixture: {
        type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
        props: { state: "block-new-sharing" },
      },
    },
    {
      name: "an AMI shared with an account",
      fixture: {
        type: "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
        props: { imageId: "ami-1", accountId: "123456789012" },
      },
    },
  ],
  fail: [
    { name: "shared with all", patch: { accountId: "all" }, expect: /accountId is "all"/, count: 1 },
    {
      name: "snapshot block public access unblocked",
      fixture: {
        type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
        props: { state: "unblocked" },
      },
      expect: /state is "unblocked"/,
    },
    {
      name: "an AMI launch permission for the group all",
      fixture: {
        type: "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
        props: { imageId: "ami-1", group: "all" },
      },
      expect: /group is "all"/,
    },
  ],
  unknown: [{ name: "the account unknown", patch: { accountId: unknown } }],
});
