import { iamPasswordPolicy } from "../../../../policies/aws/audit/iam-password-policy";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(iamPasswordPolicy, {
  base: {
    type: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
    props: {
      minimumPasswordLength: 14,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      passwordReusePrevention: 24,
      allowUsersToChangePassword: true,
    },
  },
  pass: [
    { name: "longer passwords", patch: { minimumPasswordLength: 32 } },
    {
      name: "numbers and booleans as strings",
      patch: { minimumPasswordLength: "16", requireSymbols: "true" },
    },
    {
      name: "lower thresholds set in config",
      patch: { minimumPasswordLength: 12, passwordReusePrevention: 5 },
      options: { config: { minimumPasswordLength: 12, passwordReusePrevention: 5 } },
    },
  ],
  fail: [
    {
      name: "minimum length unset (AWS default 8)",
      patch: { minimumPasswordLength: undefined },
      expect: /minimumPasswordLength is unset \(AWS default 8\); set it to 14 or more/,
      count: 1,
    },
    {
      name: "minimum length 8",
      patch: { minimumPasswordLength: 8 },
      expect: /minimumPasswordLength is 8, below 14/,
    },
    {
      name: "a stricter config minimum",
      patch: { minimumPasswordLength: 16 },
      options: { config: { minimumPasswordLength: 20 } },
      expect: /minimumPasswordLength is 16, below 20/,
    },
    {
      name: "lowercase not required",
      patch: { requireLowercaseCharacters: false },
      expect: /requireLowercaseCharacters is false/,
    },
    {
      name: "uppercase unset",
      patch: { requireUppercaseCharacters: undefined },
      expect: /requireUppercaseCharacters is unset/,
    },
    { name: "numbers not required", patch: { requireNumbers: "false" }, expect: /requireNumbers is "false"/ },
    { name: "symbols unset", patch: { requireSymbols: undefined }, expect: /set requireSymbols: true/ },
    {
      name: "reuse prevention unset",
      patch: { passwordReusePrevention: undefined },
      expect: /passwordReusePrevention is unset \(reuse allowed\); set it to 24 or more/,
    },
    {
      name: "reuse prevention 5",
      patch: { passwordReusePrevention: 5 },
      expect: /passwordReusePrevention is 5, below 24/,
    },
    {
      name: "an empty policy: one finding per field",
      fixture: { type: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy", props: {} },
      expect: /is unset/,
      count: 6,
    },
  ],
  unknown: [
    { name: "minimum length unknown", patch: { minimumPasswordLength: unknown } },
    { name: "requireSymbols unknown", patch: { requireSymbols: unknown } },
  ],
});
