import { kmsKeyRotation } from "../../../../policies/aws/audit/kms-key-rotation";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(kmsKeyRotation, {
  base: {
    type: "aws:kms/key:Key",
    props: {
      description: "app data",
      enableKeyRotation: true,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
    },
  },
  pass: [
    { name: 'string "true"', patch: { enableKeyRotation: "true" } },
    {
      name: "usage and spec left to their defaults",
      patch: { keyUsage: undefined, customerMasterKeySpec: undefined },
    },
    { name: "a 90-day rotation period", patch: { rotationPeriodInDays: 90 } },
    { name: "a multi-region primary key", patch: { multiRegion: true } },
    {
      name: "an asymmetric signing key cannot rotate",
      patch: { enableKeyRotation: false, customerMasterKeySpec: "RSA_3072", keyUsage: "SIGN_VERIFY" },
    },
    {
      name: "an HMAC key cannot rotate",
      patch: {
        enableKeyRotation: undefined,
        customerMasterKeySpec: "HMAC_384",
        keyUsage: "GENERATE_VERIFY_MAC",
      },
    },
    {
      name: "a key agreement key cannot rotate",
      patch: {
        enableKeyRotation: undefined,
        customerMasterKeySpec: "ECC_NIST_P256",
        keyUsage: "KEY_AGREEMENT",
      },
    },
    {
      name: "a key in a CloudHSM key store cannot rotate",
      patch: { enableKeyRotation: undefined, customKeyStoreId: "cks-1234567890abcdef0" },
    },
    {
      name: "a longer period when config allows it",
      patch: { rotationPeriodInDays: 730 },
      options: { config: { maxRotationPeriodInDays: 730 } },
    },
  ],
  fail: [
    {
      name: "enableKeyRotation unset",
      patch: { enableKeyRotation: undefined },
      expect: /enableKeyRotation is unset/,
      count: 1,
    },
    {
      name: "enableKeyRotation false",
      patch: { enableKeyRotation: false },
      expect: /enableKeyRotation is false/,
    },
    {
      name: "unset on a key whose spec and usage are defaults",
      patch: { enableKeyRotation: undefined, keyUsage: undefined, customerMasterKeySpec: undefined },
      expect: /symmetric encryption key/,
    },
    {
      name: "rotation period longer than a year",
      patch: { rotationPeriodInDays: 2560 },
      expect: /rotationPeriodInDays is 2560, longer than the 365 days allowed/,
      count: 1,
    },
    {
      name: "rotation period as a string",
      patch: { rotationPeriodInDays: "400" },
      expect: /rotationPeriodInDays is 400/,
    },
  ],
  unknown: [
    { name: "enableKeyRotation unknown", patch: { enableKeyRotation: unknown } },
    { name: "key spec unknown", patch: { customerMasterKeySpec: unknown } },
  ],
});
