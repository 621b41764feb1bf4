import {
  DEV_GOVERNANCE,
  descendants,
  ofType,
  settle,
  setConfig,
  useMocks,
  valueOf,
} from "../../helpers/pulumi";
const BOUNDARY = "arn:aws:iam::123456789012:policy/boundary";
const CONFIG = { ...DEV_GOVERNANCE, "aws:region": "eu-west-1", "paved:permissionsBoundaryArn": BOUNDARY };
const records = useMocks({ config: CONFIG, region: "eu-west-1" });
import { errorOf } from "../validation-error";
import { SanVolume, SanVolumeArgs } from "../../../components/aws/storage/san-volume";
import { SNAPSHOT_TARGET_TAG } from "../../../components/aws/storage/snapshots";

async function build(name: string, args: SanVolumeArgs) {
  const vol = new SanVolume(name, args);
  await settle();
  const kids = descendants(records, await valueOf(vol.urn));
  return { vol, kids };
}

const KEY_TYPE = "aws:kms/key:Key";
const VOL_TYPE = "aws:ebs/volume:Volume";
const ATT_TYPE = "aws:ec2/volumeAttachment:VolumeAttachment";

describe("SanVolume defaults", () => {
  let kids: Awaited<ReturnType<typeof build>>["kids"];
  let vol: SanVolume;
  beforeAll(async () => {
    ({ vol, kids } = await build("data", { sizeGiB: 100, availabilityZone: "eu-west-1a" }));
  });

  test("creates key, alias, DLM role and policy, one volume, a lifecycle policy", () => {
    expect(kids.map((k) => `${k.type}::${k.name}`).sort()).toEqual([
      "aws:dlm/lifecyclePolicy:LifecyclePolicy::data-snapshots",
      "aws:ebs/volume:Volume::data-vol",
      "aws:iam/role:Role::data-dlm",
      "aws:iam/rolePolicy:RolePolicy::data-dlm",
      "aws:kms/alias:Alias::data-key-alias",
      "aws:kms/key:Key::data-key",
    ]);
  });

  test("the volume is gp3 at 3,000 IOPS / 125 MiB/s, encrypted with the created key, final snapshot on", async () => {
    const [v] = ofType(kids, VOL_TYPE);
    expect(v.inputs).toMatchObject({
      type: "gp3",
      size: 100,
      iops: 3000,
      throughput: 125,
      encrypted: true,
      finalSnapshot: true,
      availabilityZone: "eu-west-1a",
    });
    expect(v.inputs.multiAttachEnabled).toBeUndefined();
    expect(v.inputs.kmsKeyId).toBe(await valueOf(vol.keyArn));
    expect(v.inputs.tags).toMatchObject({
      "app-id": "payments-api",
      environment: "dev",
      "paved:pattern": "SanVolume",
      Name: "data",
      [SNAPSHOT_TARGET_TAG]: "paved-test/dev/data",
    });
  });

  test("the key rotates, has a 30-day window and a least-privilege policy naming the DLM role", () => {
    const [key] = ofType(kids, KEY_TYPE);
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    const policy = JSON.parse(key.inputs.policy as string) as { Statement: Record<string, any>[] };
    const sids = policy.Statement.map((s) => s.Sid);
    expect(sids).toEqual([
      "AllowAccountRootToAdministerKey",
      "AllowUseThroughEbs",
      "DlmRoleUse",
      "DlmRoleGrants",
    ]);
    const admin = policy.Statement[0];
    expect(admin.Action).not.toContain("kms:Decrypt");
    expect(admin.Action).not.toContain("kms:*");
    expect(policy.Statement[1].Condition).toEqual({
      StringEquals: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com", "kms:CallerAccount": "123456789012" },
    });
    expect(policy.Statement[2].Principal.AWS).toMatch(/^arn:aws:iam::123456789012:role\/data-dlm$/);
    for (const s of policy.Statement) expect(s.Principal.AWS).not.toBe("*");
  });

  test("the DLM role is assumed by DLM only and its inline policy names the key", async () => {
    const [role] = ofType(kids, "aws:iam/role:Role");
    const trust = JSON.parse(role.inputs.assumeRolePolicy as string);
    expect(trust.Statement[0].Principal).toEqual({ Service: "dlm.amazonaws.com" });
    expect(role.inputs.managedPolicyArns).toBeUndefined();
    const [rp] = ofType(kids, "aws:iam/rolePolicy:RolePolicy");
    const doc = JSON.parse(rp.inputs.policy as string);
    const keys = doc.Statement.find((s: { Sid: string }) => s.Sid === "UseVolumeKeys");
    expect(keys.Resource).toEqual([await valueOf(vol.keyArn)]);
  });

  test("the lifecycle policy snapshots daily, keeps 7 and copies tags", async () => {
    const [dlm] = ofType(kids, "aws:dlm/lifecyclePolicy:LifecyclePolicy");
    const details = dlm.inputs.policyDetails as any;
    expect(details.targetTags).toEqual({ [SNAPSHOT_TARGET_TAG]: "paved-test/dev/data" });
    expect(details.schedules[0]).toMatchObject({
      copyTags: true,
      createRule: { interval: 24, intervalUnit: "HOURS", times: "03:00" },
      retainRule: { count: 7 },
    });
    expect(dlm.dependencies).toContain(ofType(kids, "aws:iam/rolePolicy:RolePolicy")[0].urn);
    expect(await valueOf(vol.lifecyclePolicyId)).toBe(dlm.id);
  });

  test("outputs: volume ids, key ARN, cost estimate for the stack's region", async () => {
    expect(await valueOf(vol.volumeIds)).toEqual([ofType(kids, VOL_TYPE)[0].id]);
    expect(await valueOf(vol.keyArn)).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\//);
    const cost = await valueOf(vol.monthlyCostEstimate);
    expect(cost).toMatchObject({
      monthlyUsd: 8.8,
      priceRegion: "eu-west-1",
      volumeCount: 1,
      currency: "USD",
    });
    expect(cost.perVolume).toEqual({ storage: 8.8, iops: 0, throughput: 0, total: 8.8 });
  });
});

describe("SanVolume modes", () => {
  test("shared: one io2 Multi-Attach volume attached to every instance", async () => {
    const { vol, kids } = await build("cluster", {
      type: "io2",
      sizeGiB: 500,
      iops: 20_000,
      shared: true,
      attachments: [
        { name: "n1", instanceId: "i-1", availabilityZone: "eu-west-1b", deviceName: "/dev/sdf" },
        { name: "n2", instanceId: "i-2", availabilityZone: "eu-west-1b", deviceName: "/dev/xvdf" },
      ],
    });
    const vols = ofType(kids, VOL_TYPE);
    expect(vols).toHaveLength(1);
    expect(vols[0].inputs).toMatchObject({
      type: "io2",
      iops: 20000,
      multiAttachEnabled: true,
      availabilityZone: "eu-west-1b",
    });
    expect(vols[0].inputs.throughput).toBeUndefined();
    const atts = ofType(kids, ATT_TYPE);
    expect(atts.map((a) => [a.name, a.inputs.instanceId, a.inputs.deviceName, a.inputs.volumeId])).toEqual([
      ["cluster-att-n1", "i-1", "/dev/sdf", vols[0].id],
      ["cluster-att-n2", "i-2", "/dev/xvdf", vols[0].id],
    ]);
    const cost = await valueOf(vol.monthlyCostEstimate);
    expect(cost.volumeCount).toBe(1);
  });

  test("not shared: one volume per instance, in its AZ, and the estimate counts them", async () => {
    const { vol, kids } = await build("nodes", {
      sizeGiB: 50,
      attachments: [
        { name: "a", instanceId: "i-a", availabilityZone: "eu-west-1a", deviceName: "/dev/sdg" },
        { name: "b", instanceId: "i-b", availabilityZone: "eu-west-1c", deviceName: "/dev/sdg" },
      ],
    });
    const vols = ofType(kids, VOL_TYPE);
    expect(vols.map((v) => [v.name, v.inputs.availabilityZone])).toEqual([
      ["nodes-vol-a", "eu-west-1a"],
      ["nodes-vol-b", "eu-west-1c"],
    ]);
    expect(ofType(kids, ATT_TYPE).map((a) => a.inputs.volumeId)).toEqual(vols.map((v) => v.id));
    expect(await valueOf(vol.volumeIds)).toEqual(vols.map((v) => v.id));
    expect((await valueOf(vol.monthlyCostEstimate)).monthlyUsd).toBe(8.8);
  });

  test("a given key is used and no key is created; the DLM role may use it and the copy key", async () => {
    const given = "arn:aws:kms:eu-west-1:123456789012:key/given";
    const copyKey = "arn:aws:kms:eu-central-1:123456789012:key/copy";
    const { vol, kids } = await build("byok", {
      sizeGiB: 10,
      availabilityZone: "eu-west-1a",
      kmsKeyArn: given,
      snapshots: { crossRegionCopies: [{ region: "eu-central-1", kmsKeyArn: copyKey, retainDays: 14 }] },
    });
    expect(ofType(kids, KEY_TYPE)).toHaveLength(0);
    expect(await valueOf(vol.keyArn)).toBe(given);
    expect(ofType(kids, VOL_TYPE)[0].inputs.kmsKeyId).toBe(given);
    const doc = JSON.parse(ofType(kids, "aws:iam/rolePolicy:RolePolicy")[0].inputs.policy as string);
    expect(doc.Statement.find((s: { Sid: string }) => s.Sid === "UseVolumeKeys").Resource).toEqual([
      given,
      copyKey,
    ]);
    const rules = (ofType(kids, "aws:dlm/lifecyclePolicy:LifecyclePolicy")[0].inputs.policyDetails as any)
      .schedules[0].crossRegionCopyRules;
    expect(rules).toEqual([
      {
        target: "eu-central-1",
        encrypted: true,
        cmkArn: copyKey,
        copyTags: true,
        retainRule: { interval: 14, intervalUnit: "DAYS" },
      },
    ]);
  });

  test('snapshots "none": no role, no lifecycle policy, and the key names only EBS', async () => {
    const { vol, kids } = await build("nosnap", {
      sizeGiB: 10,
      availabilityZone: "eu-west-1a",
      snapshots: "none",
    });
    expect(kids.map((k) => k.type).sort()).toEqual([KEY_TYPE, "aws:kms/alias:Alias", VOL_TYPE].sort());
    const policy = JSON.parse(ofType(kids, KEY_TYPE)[0].inputs.policy as string);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "AllowAccountRootToAdministerKey",
      "AllowUseThroughEbs",
    ]);
    expect(await valueOf(vol.lifecyclePolicyId)).toBeUndefined();
  });
});

describe("SanVolume permissions boundary (the DLM role)", () => {
  const NO_BOUNDARY = { ...DEV_GOVERNANCE, "aws:region": "eu-west-1" };
  afterEach(() => setConfig(CONFIG));
  const role = (kids: Awaited<ReturnType<typeof build>>["kids"]) => ofType(kids, "aws:iam/role:Role")[0];
  test("the DLM role carries the permissions boundary from stack config", async () => {
    const { kids } = await build("bnd-config", { sizeGiB: 10, availabilityZone: "eu-west-1a" });
    expect(role(kids).inputs.permissionsBoundary).toBe(BOUNDARY);
  });

  test("a given ARN wins over the stack config", async () => {
    const other = "arn:aws:iam::123456789012:policy/storage-boundary";
    const { kids } = await build("bnd-arn", {
      sizeGiB: 10,
      availabilityZone: "eu-west-1a",
      permissionsBoundary: { arn: other },
    });
    expect(role(kids).inputs.permissionsBoundary).toBe(other);
  });

  test("missing is an error naming SanVolume and permissionsBoundary, in dev too", () => {
    setConfig(NO_BOUNDARY);
    const e = errorOf(() => new SanVolume("bnd-missing", { sizeGiB: 10, availabilityZone: "eu-west-1a" }));
    expect(e.problems).toEqual([
      expect.objectContaining({ code: "PAVED_IAM_BOUNDARY_MISSING", arg: "permissionsBoundary" }),
    ]);
    expect(e.message).toContain(
      'SanVolume "bnd-missing": permissionsBoundary is missing for the DLM snapshot role;',
    );
    expect(e.message).toContain("paved:permissionsBoundaryArn");
  });

  test("missing in prod is an error, and the opt-out is refused there", () => {
    setConfig({ ...NO_BOUNDARY, "paved:environment": "prod", "paved:changeTicket": "CHG-1234" });
    const missing = errorOf(() => new SanVolume("bnd-prod", { sizeGiB: 10, availabilityZone: "eu-west-1a" }));
    expect(missing.code).toBe("PAVED_IAM_BOUNDARY_MISSING");
    expect(missing.message).toContain("permissionsBoundary is missing in prod");
    const optOut = errorOf(
      () =>
        new SanVolume("bnd-prod2", {
          sizeGiB: 10,
          availabilityZone: "eu-west-1a",
          permissionsBoundary: { none: true, justification: "the boundary is not rolled out here" },
        }),
    );
    expect(optOut.code).toBe("PAVED_IAM_BOUNDARY_MISSING");
    expect(optOut.message).toContain('permissionsBoundary is "none" in prod');
  });

  test("outside prod a justified opt-out creates the role without a boundary", async () => {
    setConfig(NO_BOUNDARY);
    const { kids } = await build("bnd-none", {
      sizeGiB: 10,
      availabilityZone: "eu-west-1a",
      permissionsBoundary: { none: true, justification: "the boundary is not rolled out here" },
    });
    expect(role(kids).inputs.permissionsBoundary).toBeUndefined();
  });

  test("an opt-out without a real justification is refused", () => {
    setConfig(NO_BOUNDARY);
    const e = errorOf(
      () =>
        new SanVolume("bnd-short", {
          sizeGiB: 10,
          availabilityZone: "eu-west-1a",
          permissionsBoundary: { none: true, justification: "no" },
        }),
    );
    expect(e.code).toBe("PAVED_IAM_JUSTIFICATION_SHORT");
    expect(e.message).toContain("permissionsBoundary.justification");
  });

  test("no DLM role (snapshots none): no boundary needed", async () => {
    setConfig(NO_BOUNDARY);
    const { kids } = await build("bnd-nosnap", {
      sizeGiB: 10,
      availabilityZone: "eu-west-1a",
      snapshots: "none",
    });
    expect(ofType(kids, "aws:iam/role:Role")).toEqual([]);
  });

  test("the earlier permissionsBoundaryArn argument is refused, not silently dropped", () => {
    const e = errorOf(
      () =>
        new SanVolume("bnd-old", {
          sizeGiB: 10,
          availabilityZone: "eu-west-1a",
          permissionsBoundaryArn: BOUNDARY,
        } as SanVolumeArgs),
    );
    expect(e.problems.map((p) => [p.code, p.arg])).toEqual([
      ["PAVED_IAM_BOUNDARY_INVALID", "permissionsBoundaryArn"],
    ]);
    expect(e.message).toContain("permissionsBoundary: { arn:");
  });
});

describe("SanVolume bad input", () => {
  const att = (name: string, az: string) => ({
    name,
    instanceId: "i-x",
    availabilityZone: az,
    deviceName: "/dev/sdf",
  });

  test.each<[string, SanVolumeArgs, string, string]>([
    [
      "an availability zone that is not an AZ name",
      { sizeGiB: 10, availabilityZone: "eu-west-1" },
      "PAVED_AZ_INVALID",
      "availabilityZone",
    ],
    [
      "a null availability zone (JavaScript), not a TypeError",
      { sizeGiB: 10, availabilityZone: null as never },
      "PAVED_AZ_INVALID",
      "availabilityZone",
    ],
    [
      "a snapshot schedule that is not a schedule",
      { sizeGiB: 10, availabilityZone: "eu-west-1a", snapshots: "off" as never },
      "PAVED_SNAPSHOT_SCHEDULE_INVALID",
      "snapshots",
    ],
    [
      "size out of range",
      { sizeGiB: 20_000, availabilityZone: "eu-west-1a" },
      "PAVED_VOLUME_SIZE_RANGE",
      "sizeGiB",
    ],
    [
      "IOPS out of range",
      { sizeGiB: 100, iops: 20_000, availabilityZone: "eu-west-1a" },
      "PAVED_VOLUME_IOPS_RANGE",
      "iops",
    ],
    [
      "throughput out of range",
      { sizeGiB: 100, iops: 16_000, throughputMiBps: 2_000, availabilityZone: "eu-west-1a" },
      "PAVED_VOLUME_THROUGHPUT_RANGE",
      "throughputMiBps",
    ],
    [
      "Multi-Attach on gp3",
      { sizeGiB: 100, shared: true, attachments: [att("a", "eu-west-1a")] },
      "PAVED_MULTI_ATTACH_TYPE",
      "shared",
    ],
    [
      "Multi-Attach across AZs",
      {
        type: "io2",
        sizeGiB: 100,
        shared: true,
        attachments: [att("a", "eu-west-1a"), att("b", "eu-west-1b")],
      },
      "PAVED_MULTI_ATTACH_AZ",
      "attachments",
    ],
    [
      "key deletion window",
      { sizeGiB: 10, availabilityZone: "eu-west-1a", keyDeletionWindowInDays: 3 },
      "PAVED_KMS_DELETION_WINDOW",
      "keyDeletionWindowInDays",
    ],
    [
      "snapshot retention",
      { sizeGiB: 10, availabilityZone: "eu-west-1a", snapshots: { retainCount: 0 } },
      "PAVED_SNAPSHOT_RETAIN_RANGE",
      "snapshots.retainCount",
    ],
    [
      "a copy to its own region",
      {
        sizeGiB: 10,
        availabilityZone: "eu-west-1a",
        snapshots: { crossRegionCopies: [{ region: "eu-west-1", kmsKeyArn: "k" }] },
      },
      "PAVED_SNAPSHOT_COPY_REGION",
      "snapshots.crossRegionCopies[0].region",
    ],
  ])("%s", (_label, args, code, arg) => {
    const err = errorOf(() => new SanVolume(`bad-${code.toLowerCase().replace(/_/g, "-")}`, args));
    expect(err.code).toBe(code);
    expect(err.problems[0].arg).toBe(arg);
    expect(err.message).toContain(`SanVolume "bad-`);
    expect(err.message).toContain(`: ${arg} `);
    expect(err.problems[0].fix.length).toBeGreaterThan(0);
  });

  test("every problem is reported at once, before any resource is created", async () => {
    const err = errorOf(
      () =>
        new SanVolume("many", {
          type: "io2",
          sizeGiB: 2,
          throughputMiBps: 200,
          attachments: [
            { name: "a", instanceId: "i", availabilityZone: "eu-west-1a", deviceName: "/dev/sda" },
          ],
          governance: { dataClassification: "secret" as never },
        }),
    );
    expect(err.problems.map((p) => p.code).sort()).toEqual(
      [
        "PAVED_DEVICE_NAME",
        "PAVED_TAG_INVALID",
        "PAVED_VOLUME_SIZE_RANGE",
        "PAVED_VOLUME_THROUGHPUT_UNSUPPORTED",
      ].sort(),
    );
    await settle();
    expect(records.filter((r) => r.name.startsWith("many-"))).toEqual([]);
  });
});

test("URN snapshot for a fixed configuration", async () => {
  const { kids } = await build("snap", {
    type: "io2",
    sizeGiB: 100,
    iops: 5000,
    shared: true,
    attachments: [
      { name: "n1", instanceId: "i-1", availabilityZone: "eu-west-1a", deviceName: "/dev/sdf" },
      { name: "n2", instanceId: "i-2", availabilityZone: "eu-west-1a", deviceName: "/dev/sdf" },
    ],
  });
  expect(kids.map((k) => k.urn).sort()).toMatchSnapshot();
});
