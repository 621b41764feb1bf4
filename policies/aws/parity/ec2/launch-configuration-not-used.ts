/**
 * Programs create launch templates, not launch configurations: AWS has
 * deprecated launch configurations (new accounts cannot create them) and they
 * lack IMDSv2 defaults, several device options and versioning. Paved's
 * block-device encryption policy reads launch templates.
 */
import { defineResourcePolicy } from "../../../lib/define";

export const launchConfigurationNotUsed = defineResourcePolicy({
  name: "aws-launch-configuration-not-used",
  description: "Auto Scaling groups launch from launch templates, not deprecated launch configurations.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Modernisation hygiene: advisory in every stage.
  securitySet: false,
  remediation: [
    'Replace the `aws.ec2.LaunchConfiguration` with an `aws.ec2.LaunchTemplate` (encrypted block devices, metadataOptions.httpTokens "required") and point the group\'s `launchTemplate` at it.',
    "Advisory in every stage: launch configurations are deprecated, and Paved's device-encryption policy reads templates.",
  ],
  frameworks: [],
  types: ["aws:ec2/launchConfiguration:LaunchConfiguration"],
  check() {
    return [
      {
        message:
          "the program creates a launch configuration, which AWS has deprecated; use an aws.ec2.LaunchTemplate with encrypted block devices",
      },
    ];
  },
});
