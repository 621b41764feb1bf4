import { cognitoIdentityPoolNoUnauthenticated } from "../../../../policies/aws/parity/cognito/identity-pool-no-unauthenticated";
import { cognitoPasswordPolicy } from "../../../../policies/aws/parity/cognito/password-policy";
import { cognitoThreatProtection } from "../../../../policies/aws/parity/cognito/threat-protection";
import { cognitoUserPoolMfa } from "../../../../policies/aws/parity/cognito/user-pool-mfa";
import { sagemakerNotebookIsolated } from "../../../../policies/aws/parity/sagemaker/notebook-isolated";
import { sagemakerNotebookNoRoot } from "../../../../policies/aws/parity/sagemaker/notebook-no-root";
import { describePolicyTable, unknown } from "../../harness";

const POOL = "aws:cognito/userPool:UserPool";
const STRONG = {
  minimumLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

describePolicyTable(cognitoUserPoolMfa, {
  base: { type: POOL, props: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } } },
  pass: [
    {
      name: "ON with SMS",
      patch: {
        softwareTokenMfaConfiguration: undefined,
        smsConfiguration: { externalId: "x", snsCallerArn: "y" },
      },
    },
  ],
  fail: [
    { name: "unset", patch: { mfaConfiguration: undefined }, expect: /unset \(OFF\)/, count: 1 },
    { name: "OPTIONAL", patch: { mfaConfiguration: "OPTIONAL" }, expect: /"OPTIONAL"/ },
  ],
  unknown: [{ name: "unknown", patch: { mfaConfiguration: unknown } }],
});

describePolicyTable(cognitoPasswordPolicy, {
  base: { type: POOL, props: { passwordPolicy: STRONG } },
  pass: [
    { name: "no block: AWS default", patch: { passwordPolicy: undefined } },
    { name: "string booleans", patch: { passwordPolicy: { ...STRONG, requireSymbols: "true" } } },
  ],
  fail: [
    {
      name: "short",
      patch: { passwordPolicy: { ...STRONG, minimumLength: 6 } },
      expect: /minimumLength is 6 \(below 8\)/,
      count: 1,
    },
    {
      name: "omitted class in a block",
      patch: {
        passwordPolicy: {
          minimumLength: 10,
          requireLowercase: true,
          requireUppercase: true,
          requireNumbers: true,
        },
      },
      expect: /requireSymbols is not true/,
    },
    {
      name: "config asks 14",
      patch: { passwordPolicy: STRONG },
      options: { config: { minimumLength: 14 } },
      expect: /below 14/,
    },
  ],
  unknown: [{ name: "length unknown", patch: { passwordPolicy: { ...STRONG, minimumLength: unknown } } }],
});

describePolicyTable(cognitoThreatProtection, {
  base: { type: POOL, props: { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } } },
  pass: [{ name: "AUDIT", patch: { userPoolAddOns: { advancedSecurityMode: "AUDIT" } } }],
  fail: [
    { name: "unset", patch: { userPoolAddOns: undefined }, expect: /unset \(OFF\)/, count: 1 },
    { name: "OFF", patch: { userPoolAddOns: { advancedSecurityMode: "OFF" } }, expect: /"OFF"/ },
  ],
  unknown: [{ name: "unknown", patch: { userPoolAddOns: { advancedSecurityMode: unknown } } }],
});

describePolicyTable(cognitoIdentityPoolNoUnauthenticated, {
  base: {
    type: "aws:cognito/identityPool:IdentityPool",
    props: { identityPoolName: "p", allowUnauthenticatedIdentities: false },
  },
  pass: [{ name: "unset", patch: { allowUnauthenticatedIdentities: undefined } }],
  fail: [
    {
      name: "true",
      patch: { allowUnauthenticatedIdentities: true },
      expect: /is true, so anyone can get AWS credentials/,
      count: 1,
    },
    { name: "string true", patch: { allowUnauthenticatedIdentities: "true" }, expect: /"true"/ },
  ],
  unknown: [{ name: "unknown", patch: { allowUnauthenticatedIdentities: unknown } }],
});

const NB = "aws:sagemaker/notebookInstance:NotebookInstance";
describePolicyTable(sagemakerNotebookIsolated, {
  base: {
    type: NB,
    props: {
      roleArn: "r",
      instanceType: "ml.t3.medium",
      subnetId: "subnet-1",
      securityGroups: ["sg-1"],
      directInternetAccess: "Disabled",
    },
  },
  pass: [{ name: "with a KMS key too", patch: { kmsKeyId: "k" } }],
  fail: [
    {
      name: "direct internet default",
      patch: { directInternetAccess: undefined },
      expect: /unset \(Enabled\)/,
      count: 1,
    },
    { name: "Enabled", patch: { directInternetAccess: "Enabled" }, expect: /"Enabled"/, count: 1 },
    { name: "no subnet", patch: { subnetId: undefined }, expect: /subnetId is unset/, count: 1 },
    {
      name: "neither",
      patch: { subnetId: undefined, directInternetAccess: undefined },
      expect: /notebook/,
      count: 2,
    },
  ],
  unknown: [{ name: "access unknown", patch: { directInternetAccess: unknown } }],
});

describePolicyTable(sagemakerNotebookNoRoot, {
  base: { type: NB, props: { roleArn: "r", instanceType: "ml.t3.medium", rootAccess: "Disabled" } },
  pass: [{ name: "with other settings", patch: { directInternetAccess: "Disabled" } }],
  fail: [
    { name: "unset", patch: { rootAccess: undefined }, expect: /unset \(Enabled\)/, count: 1 },
    { name: "Enabled", patch: { rootAccess: "Enabled" }, expect: /"Enabled"/ },
  ],
  unknown: [{ name: "unknown", patch: { rootAccess: unknown } }],
});
