import { apigatewayDomainTls12 } from "../../../../policies/aws/parity/apigateway/domain-tls12";
import { firehoseEncrypted } from "../../../../policies/aws/parity/firehose/encrypted";
import { iamUserNoAttachedPolicies } from "../../../../policies/aws/parity/iam/user-no-attached-policies";
import { kmsNoLockoutBypass } from "../../../../policies/aws/parity/kms/no-lockout-bypass";
import { lambdaTracing } from "../../../../policies/aws/parity/lambda/tracing";
import { mskEncryptionInTransit } from "../../../../policies/aws/parity/msk/encryption-in-transit";
import { descriptionRequired } from "../../../../policies/aws/parity/tags/description-required";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(apigatewayDomainTls12, {
  base: {
    type: "aws:apigateway/domainName:DomainName",
    props: { domainName: "api.example.com", securityPolicy: "TLS_1_2" },
  },
  pass: [
    { name: "enhanced TLS 1.3 policy", patch: { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" } },
    {
      name: "v2 domain",
      fixture: {
        type: "aws:apigatewayv2/domainName:DomainName",
        props: {
          domainName: "x",
          domainNameConfiguration: { securityPolicy: "TLS_1_2", endpointType: "REGIONAL" },
        },
      },
    },
  ],
  fail: [
    {
      name: "TLS 1.0",
      patch: { securityPolicy: "TLS_1_0" },
      expect: /securityPolicy is "TLS_1_0"/,
      count: 1,
    },
    {
      name: "unset",
      patch: { securityPolicy: undefined },
      expect: /unset \(older domains default to TLS 1.0\)/,
    },
    {
      name: "v2 without a policy",
      fixture: {
        type: "aws:apigatewayv2/domainName:DomainName",
        props: { domainName: "x", domainNameConfiguration: {} },
      },
      expect: /domainNameConfiguration.securityPolicy is unset/,
    },
  ],
  unknown: [{ name: "policy unknown", patch: { securityPolicy: unknown } }],
});

describePolicyTable(mskEncryptionInTransit, {
  base: {
    type: "aws:msk/cluster:Cluster",
    props: {
      clusterName: "k",
      encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
    },
  },
  pass: [
    { name: "defaults", patch: { encryptionInfo: undefined } },
    { name: "only at-rest key set", patch: { encryptionInfo: { encryptionAtRestKmsKeyArn: "k" } } },
  ],
  fail: [
    {
      name: "TLS_PLAINTEXT",
      patch: { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT" } } },
      expect: /"TLS_PLAINTEXT"/,
      count: 1,
    },
    {
      name: "PLAINTEXT",
      patch: { encryptionInfo: { encryptionInTransit: { clientBroker: "PLAINTEXT" } } },
      expect: /plain text/,
    },
    {
      name: "inCluster false",
      patch: { encryptionInfo: { encryptionInTransit: { inCluster: "false" } } },
      expect: /inCluster is false/,
      count: 1,
    },
  ],
  unknown: [{ name: "block unknown", patch: { encryptionInfo: unknown } }],
});

describePolicyTable(firehoseEncrypted, {
  base: {
    type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    props: { destination: "extended_s3", serverSideEncryption: { enabled: true } },
  },
  pass: [
    {
      name: "fed by a Kinesis stream",
      patch: {
        serverSideEncryption: undefined,
        kinesisSourceConfiguration: { kinesisStreamArn: "a", roleArn: "r" },
      },
    },
    {
      name: "fed by MSK",
      patch: { serverSideEncryption: undefined, mskSourceConfiguration: { mskClusterArn: "a" } },
    },
  ],
  fail: [
    {
      name: "unset",
      patch: { serverSideEncryption: undefined },
      expect: /serverSideEncryption.enabled is unset/,
      count: 1,
    },
    { name: "disabled", patch: { serverSideEncryption: { enabled: "false" } }, expect: /is "false"/ },
  ],
  unknown: [{ name: "enabled unknown", patch: { serverSideEncryption: { enabled: unknown } } }],
});

describePolicyTable(kmsNoLockoutBypass, {
  base: { type: "aws:kms/key:Key", props: { description: "k", enableKeyRotation: true } },
  pass: [{ name: "false", patch: { bypassPolicyLockoutSafetyCheck: false } }],
  fail: [
    {
      name: "key bypasses",
      patch: { bypassPolicyLockoutSafetyCheck: true },
      expect: /bypassPolicyLockoutSafetyCheck is true/,
      count: 1,
    },
    {
      name: "key policy bypasses (string)",
      fixture: {
        type: "aws:kms/keyPolicy:KeyPolicy",
        props: { keyId: "k", policy: "{}", bypassPolicyLockoutSafetyCheck: "true" },
      },
      expect: /is "true"/,
    },
  ],
  unknown: [{ name: "flag unknown", patch: { bypassPolicyLockoutSafetyCheck: unknown } }],
});

describePolicyTable(iamUserNoAttachedPolicies, {
  base: {
    type: "aws:iam/policyAttachment:PolicyAttachment",
    props: { policyArn: "arn:aws:iam::1:policy/p", groups: ["devs"] },
  },
  pass: [{ name: "roles only", patch: { groups: undefined, roles: ["r"] } }],
  fail: [
    { name: "users listed", patch: { users: ["alice"] }, expect: /users lists "alice"/, count: 1 },
    { name: "a single user string", patch: { users: "bob" }, expect: /"bob"/ },
    {
      name: "user policy attachment",
      fixture: {
        type: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
        props: { user: "alice", policyArn: "arn:aws:iam::1:policy/p" },
      },
      expect: /attached to a user directly/,
      count: 1,
    },
  ],
  unknown: [{ name: "users unknown", patch: { users: unknown } }],
});

describePolicyTable(lambdaTracing, {
  base: {
    type: "aws:lambda/function:Function",
    props: { role: "r", runtime: "nodejs22.x", tracingConfig: { mode: "Active" } },
  },
  pass: [
    { name: "active with other settings", patch: { tracingConfig: { mode: "Active" }, description: "d" } },
  ],
  fail: [
    { name: "unset", patch: { tracingConfig: undefined }, expect: /unset \(PassThrough\)/, count: 1 },
    { name: "PassThrough", patch: { tracingConfig: { mode: "PassThrough" } }, expect: /"PassThrough"/ },
  ],
  unknown: [{ name: "mode unknown", patch: { tracingConfig: { mode: unknown } } }],
});

describePolicyTable(descriptionRequired, {
  base: { type: "aws:kms/key:Key", props: { description: "encrypts the orders table" } },
  pass: [
    {
      name: "athena database with a comment",
      fixture: { type: "aws:athena/database:Database", props: { name: "d", comment: "sales" } },
    },
    {
      name: "secret with a description",
      fixture: { type: "aws:secretsmanager/secret:Secret", props: { description: "db password" } },
    },
  ],
  fail: [
    {
      name: "key without description",
      patch: { description: undefined },
      expect: /description is empty/,
      count: 1,
    },
    { name: "blank description", patch: { description: "  " }, expect: /description is empty/ },
    {
      name: "lambda",
      fixture: { type: "aws:lambda/function:Function", props: { role: "r" } },
      expect: /description/,
    },
    {
      name: "athena database without comment",
      fixture: { type: "aws:athena/database:Database", props: { name: "d" } },
      expect: /comment is empty/,
    },
    {
      name: "workgroup",
      fixture: { type: "aws:athena/workgroup:Workgroup", props: { name: "w" } },
      expect: /description/,
    },
    {
      name: "appflow flow",
      fixture: { type: "aws:appflow/flow:Flow", props: { name: "f" } },
      expect: /description/,
    },
  ],
  unknown: [{ name: "description unknown", patch: { description: unknown } }],
});
