/**
 * CloudTrail trails write digest files so that a log file changed or deleted
 * after delivery can be detected. The provider's default is off.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { isTrue } from "../../lib/props";
import { CLOUDTRAIL_TRAIL } from "./cloudtrail-encrypted";

export const cloudtrailLogFileValidation = defineResourcePolicy({
  name: "aws-cloudtrail-log-file-validation",
  description: "CloudTrail trails have log file integrity validation enabled.",
  category: "governance",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: ["Set `enableLogFileValidation: true` on the trail."],
  frameworks: [cisAws("3.2"), awsFsbp("CloudTrail.4")],
  types: [CLOUDTRAIL_TRAIL],
  check(r) {
    const v = r.props.enableLogFileValidation;
    if (isTrue(v)) return [];
    return [
      {
        message:
          v === undefined
            ? "enableLogFileValidation is unset (off by default), so tampered logs go unnoticed; set enableLogFileValidation: true"
            : `enableLogFileValidation is ${JSON.stringify(v)}; set it to true`,
      },
    ];
  },
});
