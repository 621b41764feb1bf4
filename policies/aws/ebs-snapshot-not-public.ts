/**
 * EBS snapshots are never shared publicly: no create-volume permission for
 * the group `all`, no public launch permission on an AMI (which shares its
 * snapshots), and the account's snapshot block-public-access is not off.
 */
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp } from "../lib/frameworks";
import { asString } from "../lib/props";

export const SNAPSHOT_PERMISSION = "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission";
export const SNAPSHOT_BLOCK_PUBLIC_ACCESS = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess";
export const AMI_LAUNCH_PERMISSION = "aws:ec2/amiLaunchPermission:AmiLaunchPermission";

export const ebsSnapshotNotPublic = defineResourcePolicy({
  name: "aws-ebs-snapshot-not-public",
  description: "EBS snapshots (and the AMIs built on them) are not shared publicly.",
  category: "storage",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Share a snapshot with named account ids only, never with `all`.",
    "Set the account's `aws.ebs.SnapshotBlockPublicAccess` state to `block-all-sharing`.",
    "Share AMIs with accounts or an organization ARN, not the group `all`.",
  ],
  frameworks: [awsFsbp("EC2.1")],
  types: [SNAPSHOT_PERMISSION, SNAPSHOT_BLOCK_PUBLIC_ACCESS, AMI_LAUNCH_PERMISSION],
  check(r) {
    switch (r.type) {
      case SNAPSHOT_PERMISSION:
        return asString(r.props.accountId)?.toLowerCase() === "all"
          ? [
              {
                message:
                  'accountId is "all", which makes the snapshot public; name the account that needs it',
              },
            ]
          : [];
      case SNAPSHOT_BLOCK_PUBLIC_ACCESS:
        return asString(r.props.state) === "unblocked"
          ? [{ message: 'state is "unblocked", which allows public snapshots; use "block-all-sharing"' }]
          : [];
      case AMI_LAUNCH_PERMISSION:
        return asString(r.props.group)?.toLowerCase() === "all"
          ? [
              {
                message:
                  'group is "all", which makes the AMI and its snapshots public; share with accounts instead',
              },
            ]
          : [];
      default:
        return [];
    }
  },
});
