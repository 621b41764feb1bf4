/**
 * EC2 instances and launch templates encrypt every EBS block device, root
 * included. An unset `encrypted` is unencrypted; an instance without a
 * `rootBlockDevice` block gets the AMI's default, which the stack cannot
 * vouch for, so it must declare the root device encrypted.
 */
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { asList, asRecord, isTrue } from "../lib/props";
import type { Finding } from "../lib/types";

export const INSTANCE = "aws:ec2/instance:Instance";
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

function instanceFindings(props: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const root = asRecord(props.rootBlockDevice);
  if (!root) {
    findings.push({
      message:
        "rootBlockDevice is unset, so the root volume is not known to be encrypted; set rootBlockDevice.encrypted: true",
    });
  } else if (!isTrue(root.encrypted)) {
    findings.push({ message: "rootBlockDevice.encrypted is not true; set it to true" });
  }
  asList(props.ebsBlockDevices).forEach((d, i) => {
    const dev = asRecord(d);
    if (dev && !isTrue(dev.encrypted)) {
      findings.push({
        message: `ebsBlockDevices[${i}] (${String(dev.deviceName ?? "?")}) is not encrypted; set encrypted: true`,
      });
    }
  });
  return findings;
}

function launchTemplateFindings(props: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  asList(props.blockDeviceMappings).forEach((m, i) => {
    const ebs = asRecord(asRecord(m)?.ebs);
    if (ebs && !isTrue(ebs.encrypted)) {
      findings.push({ message: `blockDeviceMappings[${i}].ebs.encrypted is not "true"; set it to "true"` });
    }
  });
  return findings;
}

export const instanceBlockDevicesEncrypted = defineResourcePolicy({
  name: "aws-instance-block-devices-encrypted",
  description: "EC2 instances and launch templates encrypt every EBS block device, the root device included.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `rootBlockDevice: { encrypted: true }` on the instance (and `kmsKeyId` for a customer managed key).",
    'Set `encrypted: true` on every entry of `ebsBlockDevices`; on a launch template, `ebs.encrypted: "true"`.',
    "Prefer separate `SanVolume`s for data: they are encrypted by default.",
  ],
  frameworks: [cisAws("2.2.1"), awsFsbp("EC2.3")],
  types: [INSTANCE, LAUNCH_TEMPLATE],
  check: (r) => (r.type === INSTANCE ? instanceFindings(r.props) : launchTemplateFindings(r.props)),
});
