import { DEV_GOVERNANCE, descendants, ofType, settle, useMocks, valueOf } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, region: "eu-west-1" });
import * as pulumi from "@pulumi/pulumi";
import { buildKeyPolicy, KEY_ADMIN_ACTIONS } from "../../../components/aws/kms/key-policy";
import { createManagedKey } from "../../../components/aws/kms/key";
import {
  createEncryptedLogGroup,
  DEFAULT_LOG_RETENTION_DAYS,
  LOG_RETENTION_DAYS,
  validateLogGroupArgs,
} from "../../../components/aws/monitoring/log-group";
import * as networkValidate from "../../../components/aws/network/validate";

const CTX = { partition: "aws", accountId: "123456789012", region: "eu-west-1" };

describe("key policy", () => {
  test("the root administers the key but cannot encrypt or decrypt", () => {
    const doc = buildKeyPolicy(CTX, []);
    expect(doc.Statement).toHaveLength(1);
    const [admin] = doc.Statement;
    expect(admin.Principal).toEqual({ AWS: "arn:aws:iam::123456789012:root" });
    expect(admin.Action).toEqual(KEY_ADMIN_ACTIONS);
    for (const a of ["kms:*", "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"]) {
      expect(admin.Action).not.toContain(a);
    }
  });

  test("EBS use is limited to this account through EC2 in this region", () => {
    const s = buildKeyPolicy(CTX, [{ kind: "ebs" }]).Statement[1];
    expect(s.Sid).toBe("AllowUseThroughEbs");
    expect(s.Principal).toEqual({ AWS: "arn:aws:iam::123456789012:root" });
    expect(s.Condition).toEqual({
      StringEquals: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com", "kms:CallerAccount": "123456789012" },
    });
  });

  test("CloudWatch Logs use is limited to this account's log groups", () => {
    const s = buildKeyPolicy(CTX, [{ kind: "logs" }]).Statement[1];
    expect(s.Principal).toEqual({ Service: "logs.eu-west-1.amazonaws.com" });
    expect(s.Condition).toEqual({
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:log-group:*" },
    });
  });

  test("CloudWatch Logs use can be limited to named log groups, merged into one statement", () => {
    const groups = "arn:aws:logs:eu-west-1:123456789012:log-group:";
    const one = buildKeyPolicy(CTX, [{ kind: "logs", logGroupNames: ["/paved/a"] }]).Statement;
    expect(one[1].Condition).toEqual({
      ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `${groups}/paved/a` },
    });
    const two = buildKeyPolicy(CTX, [
      { kind: "logs", logGroupNames: ["/paved/a"] },
      { kind: "logs", logGroupNames: ["/paved/b", "/paved/a"] },
    ]).Statement;
    expect(two.map((s) => s.Sid)).toEqual(["AllowAccountRootToAdministerKey", "AllowCloudWatchLogs"]);
    expect(two[1].Condition).toEqual({
      ArnEquals: { "kms:EncryptionContext:aws:logs:arn": [`${groups}/paved/a`, `${groups}/paved/b`] },
    });
    const widened = buildKeyPolicy(CTX, [{ kind: "logs", logGroupNames: ["/paved/a"] }, { kind: "logs" }]);
    expect(widened.Statement[1].Condition).toEqual({
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": `${groups}*` },
    });
  });

  test("a role gets data actions, and grants only for AWS resources", () => {
    const doc = buildKeyPolicy(CTX, [
      { kind: "role", roleArn: "arn:aws:iam::123456789012:role/dlm", sid: "Dlm" },
    ]);
    const [, use, grants] = doc.Statement;
    expect(use.Action).not.toContain("kms:CreateGrant");
    expect(grants).toMatchObject({
      Sid: "DlmGrants",
      Action: ["kms:CreateGrant"],
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    });
  });

  test("uses are de-duplicated and no statement allows every principal", () => {
    const doc = buildKeyPolicy(CTX, [
      { kind: "ebs" },
      { kind: "ebs" },
      { kind: "snsAlarms" },
      { kind: "logs" },
    ]);
    expect(doc.Statement.map((s) => s.Sid)).toEqual([
      "AllowAccountRootToAdministerKey",
      "AllowUseThroughEbs",
      "AllowCloudWatchAlarmsToEncryptedTopic",
      "AllowCloudWatchLogs",
    ]);
    for (const s of doc.Statement) {
      expect(s.Principal.AWS).not.toBe("*");
      expect(s.Action).not.toContain("kms:*");
    }
  });
});

class Holder extends pulumi.ComponentResource {
  constructor(name: string, build: (self: pulumi.Resource) => void) {
    super("paved:test:Holder", name);
    build(this);
    this.registerOutputs({});
  }
}

describe("createManagedKey", () => {
  test("creates a rotating key with a 30-day window, the policy and an alias", async () => {
    let arn: pulumi.Output<string> | undefined;
    const h = new Holder("k", (self) => {
      arn = createManagedKey(
        "thing",
        { description: "d", uses: [{ kind: "logs" }], tags: { a: "b" } },
        { parent: self },
      ).arn;
    });
    await settle();
    const kids = descendants(records, await valueOf(h.urn));
    const [key] = ofType(kids, "aws:kms/key:Key");
    expect(key.name).toBe("thing-key");
    expect(key.inputs).toMatchObject({
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      tags: { a: "b" },
    });
    expect(JSON.parse(key.inputs.policy as string)).toEqual(buildKeyPolicy(CTX, [{ kind: "logs" }]));
    const [alias] = ofType(kids, "aws:kms/alias:Alias");
    expect(alias.inputs).toMatchObject({
      namePrefix: "alias/paved-thing-",
      targetKeyId: await valueOf(arn as pulumi.Output<string>),
    });
    expect(await valueOf(arn as pulumi.Output<string>)).toMatch(/^arn:aws:kms:eu-west-1:/);
  });
});

describe("encrypted log group helper", () => {
  test("creates a key for CloudWatch Logs and a log group with a year's retention", async () => {
    const h = new Holder("lg", (self) => {
      createEncryptedLogGroup("app", { logGroupName: "/paved/app", tags: { t: "1" } }, { parent: self });
    });
    await settle();
    const kids = descendants(records, await valueOf(h.urn));
    const [group] = ofType(kids, "aws:cloudwatch/logGroup:LogGroup");
    const [key] = ofType(kids, "aws:kms/key:Key");
    expect(group.inputs).toMatchObject({ name: "/paved/app", retentionInDays: 365, tags: { t: "1" } });
    expect(DEFAULT_LOG_RETENTION_DAYS).toBe(365);
    expect(group.inputs.kmsKeyId).toMatch(/^arn:aws:kms:/);
    expect(key.name).toBe("app-logs-key");
    const logs = JSON.parse(key.inputs.policy as string).Statement[1];
    expect(logs.Sid).toBe("AllowCloudWatchLogs");
    // Named: the key serves this one log group only.
    expect(logs.Condition).toEqual({
      ArnEquals: {
        "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:log-group:/paved/app",
      },
    });
  });

  test("an auto-named log group's key serves the account's log groups", async () => {
    const h = new Holder("lg3", (self) => {
      createEncryptedLogGroup("auto", { tags: {} }, { parent: self });
    });
    await settle();
    const [key] = ofType(descendants(records, await valueOf(h.urn)), "aws:kms/key:Key");
    expect(JSON.parse(key.inputs.policy as string).Statement[1].Condition).toEqual({
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:log-group:*" },
    });
  });

  test("uses a given key and retention, and creates no key", async () => {
    const h = new Holder("lg2", (self) => {
      createEncryptedLogGroup(
        "given",
        { kmsKeyArn: "arn:aws:kms:eu-west-1:1:key/x", retentionInDays: 90, tags: {} },
        { parent: self },
      );
    });
    await settle();
    const kids = descendants(records, await valueOf(h.urn));
    expect(kids.map((k) => k.type)).toEqual(["aws:cloudwatch/logGroup:LogGroup"]);
    expect(kids[0].inputs).toMatchObject({ kmsKeyId: "arn:aws:kms:eu-west-1:1:key/x", retentionInDays: 90 });
  });

  test("validation: only CloudWatch retention values, and valid names", () => {
    expect(validateLogGroupArgs({ retentionInDays: 365, logGroupName: "/a/b" })).toEqual([]);
    const [p] = validateLogGroupArgs({ retentionInDays: 100 });
    expect(p).toMatchObject({ code: "PAVED_LOG_RETENTION", arg: "logs.retentionInDays" });
    expect(p.fix).toContain("90, 120");
    expect(validateLogGroupArgs({ logGroupName: "bad name!" })[0].code).toBe("PAVED_NAME_CHARS");
  });
});

test("flow logs and the log-group helper share one retention table and default", () => {
  expect(networkValidate.LOG_RETENTION_DAYS).toBe(LOG_RETENTION_DAYS);
  expect(networkValidate.DEFAULT_FLOW_LOG_RETENTION_DAYS).toBe(DEFAULT_LOG_RETENTION_DAYS);
});
