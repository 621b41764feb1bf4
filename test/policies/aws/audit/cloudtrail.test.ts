import { cloudtrailEncrypted } from "../../../../policies/aws/audit/cloudtrail-encrypted";
import { cloudtrailLogFileValidation } from "../../../../policies/aws/audit/cloudtrail-log-file-validation";
import { cloudtrailMultiRegion } from "../../../../policies/aws/audit/cloudtrail-multi-region";
import { describePolicyTable, unknown } from "../../harness";

const TRAIL = "aws:cloudtrail/trail:Trail";
const base = {
  type: TRAIL,
  props: {
    s3BucketName: "audit-logs",
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
    kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k",
  },
};
const advanced = (...fields: Record<string, unknown>[][]) => ({
  advancedEventSelectors: fields.map((fieldSelectors) => ({ fieldSelectors })),
});
const mgmt = { field: "eventCategory", equals: ["Management"] };

describePolicyTable(cloudtrailEncrypted, {
  base,
  pass: [
    { name: "a key alias ARN", patch: { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:alias/trail" } },
    { name: "other findings are not this policy's", patch: { isMultiRegionTrail: false } },
  ],
  fail: [
    { name: "kmsKeyId unset", patch: { kmsKeyId: undefined }, expect: /kmsKeyId is unset/, count: 1 },
    { name: "kmsKeyId empty", patch: { kmsKeyId: "" }, expect: /kmsKeyId is "", not a KMS key/ },
    { name: "kmsKeyId blank", patch: { kmsKeyId: "  " }, expect: /not a KMS key/ },
  ],
  unknown: [{ name: "kmsKeyId unknown", patch: { kmsKeyId: unknown } }],
});

describePolicyTable(cloudtrailLogFileValidation, {
  base,
  pass: [{ name: 'string "true"', patch: { enableLogFileValidation: "true" } }],
  fail: [
    {
      name: "unset (off by default)",
      patch: { enableLogFileValidation: undefined },
      expect: /enableLogFileValidation is unset/,
      count: 1,
    },
    { name: "false", patch: { enableLogFileValidation: false }, expect: /enableLogFileValidation is false/ },
    { name: 'string "false"', patch: { enableLogFileValidation: "false" }, expect: /is "false"/ },
  ],
  unknown: [{ name: "enableLogFileValidation unknown", patch: { enableLogFileValidation: unknown } }],
});

describePolicyTable(cloudtrailMultiRegion, {
  base,
  pass: [
    { name: 'string "true"', patch: { isMultiRegionTrail: "true" } },
    { name: "an organization trail", patch: { isOrganizationTrail: true } },
    {
      name: "a classic selector for all management events plus data events",
      patch: {
        eventSelectors: [
          {
            readWriteType: "All",
            includeManagementEvents: true,
            dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }],
          },
        ],
      },
    },
    { name: "a classic selector with defaults", patch: { eventSelectors: [{}] } },
    {
      name: "classic ReadOnly and WriteOnly selectors together",
      patch: { eventSelectors: [{ readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }] },
    },
    {
      name: "a single classic selector object (not a list)",
      patch: { eventSelectors: { readWriteType: "All" } },
    },
    { name: "an advanced selector for all management events", patch: advanced([mgmt]) },
    {
      name: "advanced read and write management selectors",
      patch: advanced(
        [mgmt, { field: "readOnly", equals: ["true"] }],
        [mgmt, { field: "readOnly", equals: ["false"] }],
      ),
    },
    {
      name: "advanced management plus a data selector",
      patch: advanced(
        [mgmt],
        [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
        ],
      ),
    },
  ],
  fail: [
    {
      name: "isMultiRegionTrail unset",
      patch: { isMultiRegionTrail: undefined },
      expect: /isMultiRegionTrail is unset, so the trail records only its own region/,
      count: 1,
    },
    {
      name: "isMultiRegionTrail false",
      patch: { isMultiRegionTrail: false },
      expect: /isMultiRegionTrail is false/,
    },
    {
      name: "classic selector without management events",
      patch: { eventSelectors: [{ includeManagementEvents: false, readWriteType: "All" }] },
      expect: /eventSelectors record no management events/,
      count: 1,
    },
    {
      name: 'classic selector includeManagementEvents "false"',
      patch: { eventSelectors: [{ includeManagementEvents: "false" }] },
      expect: /no management events/,
    },
    {
      name: "classic selector with write events only",
      patch: { eventSelectors: [{ readWriteType: "WriteOnly" }] },
      expect: /eventSelectors record only write management events/,
    },
    {
      name: "advanced selectors with data events only",
      patch: advanced([
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
      ]),
      expect: /advancedEventSelectors record no management events/,
    },
    {
      name: "advanced management selector limited to reads",
      patch: advanced([mgmt, { field: "readOnly", equals: ["true"] }]),
      expect: /only read management events/,
    },
    {
      name: "single region and no management events: two findings",
      patch: { isMultiRegionTrail: false, eventSelectors: [{ includeManagementEvents: false }] },
      expect: /isMultiRegionTrail is false|no management events/,
      count: 2,
    },
  ],
  unknown: [
    { name: "isMultiRegionTrail unknown", patch: { isMultiRegionTrail: unknown } },
    { name: "event selectors unknown", patch: { eventSelectors: unknown } },
  ],
});
