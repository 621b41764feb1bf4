import { instanceBlockDevicesEncrypted } from "../../../policies/aws/instance-block-devices-encrypted";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(instanceBlockDevicesEncrypted, {
  base: {
    type: "aws:ec2/instance:Instance",
    props: {
      ami: "ami-123",
      instanceType: "t3.micro",
      rootBlockDevice: { encrypted: true, volumeType: "gp3" },
      ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, volumeSize: 10 }],
    },
  },
  pass: [
    { name: "no extra EBS devices", patch: { ebsBlockDevices: undefined } },
    {
      name: "a launch template with encrypted mappings (string true)",
      fixture: {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        props: {
          blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }],
        },
      },
    },
    {
      name: "a launch template mapping without an ebs block (instance store)",
      fixture: {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        props: { blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }] },
      },
    },
  ],
  fail: [
    {
      name: "rootBlockDevice unset counts as unencrypted",
      patch: { rootBlockDevice: undefined },
      expect: /rootBlockDevice is unset/,
      count: 1,
    },
    {
      name: "root encrypted unset",
      patch: { rootBlockDevice: { volumeType: "gp3" } },
      expect: /rootBlockDevice\.encrypted is not true/,
      count: 1,
    },
    {
      name: "an EBS device with encrypted false",
      patch: {
        ebsBlockDevices: [
          { deviceName: "/dev/sdf", encrypted: true },
          { deviceName: "/dev/sdg", encrypted: false },
        ],
      },
      expect: /ebsBlockDevices\[1\] \(\/dev\/sdg\) is not encrypted/,
      count: 1,
    },
    {
      name: "a launch template mapping unencrypted",
      fixture: {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] },
      },
      expect: /blockDeviceMappings\[0\]\.ebs\.encrypted is not "true"/,
    },
  ],
  unknown: [
    { name: "root device encryption unknown", patch: { rootBlockDevice: { encrypted: unknown } } },
    { name: "the device list unknown", patch: { ebsBlockDevices: unknown } },
  ],
});
