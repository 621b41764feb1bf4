import {
  checkIops,
  checkThroughput,
  DEVICE_NAME_PATTERN,
  maxIopsForSize,
  resolveVolumeSpec,
  validateAttachments,
  validateVolumeSpec,
  VOLUME_LIMITS,
} from "../../../components/aws/storage/limits";
import {
  DEFAULT_PRICE_REGION,
  EBS_PRICES,
  estimateMonthlyCost,
  tieredIopsCost,
} from "../../../components/aws/storage/pricing";
import {
  buildPolicyDetails,
  dlmRolePolicy,
  dlmTrustPolicy,
  SNAPSHOT_TARGET_TAG,
  validateSnapshotSchedule,
} from "../../../components/aws/storage/snapshots";

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe("volume limits", () => {
  test.each([
    [{ type: "gp3", sizeGiB: 1 }],
    [{ type: "gp3", sizeGiB: 16_384, iops: 16_000, throughputMiBps: 1_000 }],
    [{ type: "gp3", sizeGiB: 1, iops: 3_000, throughputMiBps: 750 }],
    [{ type: "gp3", sizeGiB: 8, iops: 4_000 }],
    [{ type: "io2", sizeGiB: 4, iops: 4_000 }],
    [{ type: "io2", sizeGiB: 65_536, iops: 256_000 }],
    [{ type: "io2", sizeGiB: 256, iops: 100 }],
  ] as const)("accepts %j", (spec) => {
    expect(validateVolumeSpec(spec)).toEqual([]);
  });

  test.each([
    [{ type: "gp3", sizeGiB: 0 }, "PAVED_VOLUME_SIZE_RANGE"],
    [{ type: "gp3", sizeGiB: 16_385 }, "PAVED_VOLUME_SIZE_RANGE"],
    [{ type: "gp3", sizeGiB: 10.5 }, "PAVED_VOLUME_SIZE_RANGE"],
    [{ type: "io2", sizeGiB: 3 }, "PAVED_VOLUME_SIZE_RANGE"],
    [{ type: "io2", sizeGiB: 65_537 }, "PAVED_VOLUME_SIZE_RANGE"],
    [{ type: "gp3", sizeGiB: 100, iops: 2_999 }, "PAVED_VOLUME_IOPS_RANGE"],
    [{ type: "gp3", sizeGiB: 100, iops: 16_001 }, "PAVED_VOLUME_IOPS_RANGE"],
    [{ type: "io2", sizeGiB: 100, iops: 99 }, "PAVED_VOLUME_IOPS_RANGE"],
    [{ type: "io2", sizeGiB: 1_000, iops: 256_001 }, "PAVED_VOLUME_IOPS_RANGE"],
    // 500 IOPS per GiB: 8 GiB allows 4,000; 4,001 is one too many.
    [{ type: "gp3", sizeGiB: 8, iops: 4_001 }, "PAVED_VOLUME_IOPS_RATIO"],
    // 1,000 IOPS per GiB: 10 GiB allows 10,000.
    [{ type: "io2", sizeGiB: 10, iops: 10_001 }, "PAVED_VOLUME_IOPS_RATIO"],
    [{ type: "gp3", sizeGiB: 100, throughputMiBps: 124 }, "PAVED_VOLUME_THROUGHPUT_RANGE"],
    [{ type: "gp3", sizeGiB: 100, iops: 16_000, throughputMiBps: 1_001 }, "PAVED_VOLUME_THROUGHPUT_RANGE"],
    // 0.25 MiB/s per IOPS: 3,000 IOPS allows 750 MiB/s.
    [{ type: "gp3", sizeGiB: 100, throughputMiBps: 751 }, "PAVED_VOLUME_THROUGHPUT_RATIO"],
    [{ type: "io2", sizeGiB: 100, throughputMiBps: 500 }, "PAVED_VOLUME_THROUGHPUT_UNSUPPORTED"],
    [{ type: "st1", sizeGiB: 500 }, "PAVED_VOLUME_TYPE"],
  ] as const)("refuses %j with %s", (spec, code) => {
    const problems = validateVolumeSpec(spec as never);
    expect(codes(problems)).toEqual([code]);
    expect(problems[0].fix).toMatch(/^(use|remove|keep)/);
  });

  test("the ratio fix names the smallest size that fits", () => {
    const [p] = validateVolumeSpec({ type: "gp3", sizeGiB: 8, iops: 6_000 });
    expect(p.fix).toBe("use at most 4000 IOPS, or at least 12 GiB");
  });

  test("defaults: gp3 3,000 IOPS and 125 MiB/s; io2 3,000 IOPS and no throughput", () => {
    expect(resolveVolumeSpec({ type: "gp3", sizeGiB: 50 })).toEqual({
      type: "gp3",
      sizeGiB: 50,
      iops: 3_000,
      throughputMiBps: 125,
    });
    expect(resolveVolumeSpec({ type: "io2", sizeGiB: 50 })).toEqual({
      type: "io2",
      sizeGiB: 50,
      iops: 3_000,
      throughputMiBps: undefined,
    });
    expect(VOLUME_LIMITS.io2.multiAttach).toBe(true);
    expect(VOLUME_LIMITS.gp3.multiAttach).toBe(false);
  });
});

describe("attachments and Multi-Attach", () => {
  const att = (name: string, az = "eu-west-1a", deviceName = "/dev/sdf") => ({
    name,
    availabilityZone: az,
    deviceName,
  });

  test.each(["/dev/sdf", "/dev/sdp", "/dev/xvdf", "/dev/xvdz"])("device %s is accepted", (d) => {
    expect(DEVICE_NAME_PATTERN.test(d)).toBe(true);
  });
  test.each(["/dev/sda1", "/dev/sde", "/dev/sdq", "/dev/xvda", "sdf", "/dev/nvme1n1"])(
    "device %s is refused",
    (d) => {
      expect(codes(validateAttachments("gp3", false, [att("a", "eu-west-1a", d)], undefined))).toEqual([
        "PAVED_DEVICE_NAME",
      ]);
    },
  );

  test("Multi-Attach on gp3 is refused", () => {
    const ps = validateAttachments("gp3", true, [att("a"), att("b")], undefined);
    expect(codes(ps)).toEqual(["PAVED_MULTI_ATTACH_TYPE"]);
    expect(ps[0].fix).toContain("io2");
  });

  test("Multi-Attach across AZs is refused, naming the AZs", () => {
    const ps = validateAttachments("io2", true, [att("a", "eu-west-1a"), att("b", "eu-west-1b")], undefined);
    expect(codes(ps)).toEqual(["PAVED_MULTI_ATTACH_AZ"]);
    expect(ps[0].problem).toContain("eu-west-1a, eu-west-1b");
  });

  test("Multi-Attach to a volume AZ that differs from the instances is refused", () => {
    expect(codes(validateAttachments("io2", true, [att("a", "eu-west-1a")], "eu-west-1b"))).toEqual([
      "PAVED_MULTI_ATTACH_AZ",
    ]);
  });

  test("Multi-Attach allows 16 instances and refuses 17", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => att(`n${i}`));
    expect(validateAttachments("io2", true, list(16), undefined)).toEqual([]);
    expect(codes(validateAttachments("io2", true, list(17), undefined))).toEqual([
      "PAVED_MULTI_ATTACH_COUNT",
    ]);
  });

  test("names must be keys and unique; AZs must look like AZs", () => {
    expect(
      codes(
        validateAttachments(
          "gp3",
          false,
          [att("Node 1"), att("b"), att("b"), att("c", "eu-west-1")],
          undefined,
        ),
      ),
    ).toEqual(["PAVED_ATTACHMENT_NAME", "PAVED_ATTACHMENT_DUPLICATE", "PAVED_AZ_INVALID"]);
  });

  test("an unattached volume needs an AZ; per-instance volumes take theirs", () => {
    expect(codes(validateAttachments("gp3", false, [], undefined))).toEqual(["PAVED_VOLUME_AZ_MISSING"]);
    expect(codes(validateAttachments("gp3", false, [att("a")], "eu-west-1a"))).toEqual([
      "PAVED_VOLUME_AZ_CONFLICT",
    ]);
    expect(validateAttachments("gp3", false, [], "eu-west-1a")).toEqual([]);
  });
});

describe("price table and estimate", () => {
  test("gp3 at baseline costs storage only", () => {
    const e = estimateMonthlyCost(resolveVolumeSpec({ type: "gp3", sizeGiB: 100 }), "us-east-1");
    expect(e.perVolume).toEqual({ storage: 8, iops: 0, throughput: 0, total: 8 });
    expect(e.monthlyUsd).toBe(8);
    expect(e.defaultPricesUsed).toBe(false);
  });

  test("gp3 charges IOPS above 3,000 and throughput above 125", () => {
    const e = estimateMonthlyCost(
      resolveVolumeSpec({ type: "gp3", sizeGiB: 1_000, iops: 10_000, throughputMiBps: 500 }),
      "us-east-1",
      3,
    );
    // 1000 * 0.08 + 7000 * 0.005 + 375 * 0.04 = 80 + 35 + 15
    expect(e.perVolume).toEqual({ storage: 80, iops: 35, throughput: 15, total: 130 });
    expect(e.monthlyUsd).toBe(390);
    expect(e.volumeCount).toBe(3);
  });

  test("io2 IOPS are priced in tiers", () => {
    const tiers = EBS_PRICES["us-east-1"].io2.iopsTiers;
    expect(tieredIopsCost(32_000, tiers)).toBeCloseTo(32_000 * 0.065);
    expect(tieredIopsCost(80_000, tiers)).toBeCloseTo(32_000 * 0.065 + 32_000 * 0.0455 + 16_000 * 0.032);
    const e = estimateMonthlyCost(
      resolveVolumeSpec({ type: "io2", sizeGiB: 500, iops: 40_000 }),
      "us-east-1",
    );
    expect(e.perVolume.storage).toBe(62.5);
    expect(e.perVolume.iops).toBe(2_444); // 2080 + 8000 * 0.0455
    expect(e.perVolume.throughput).toBe(0);
  });

  test("an unlisted region uses the default prices and says so", () => {
    const e = estimateMonthlyCost(resolveVolumeSpec({ type: "gp3", sizeGiB: 100 }), "ap-south-2");
    expect(e.priceRegion).toBe(DEFAULT_PRICE_REGION);
    expect(e.defaultPricesUsed).toBe(true);
    expect(e.excludes).toContain("snapshot storage");
  });

  test("a listed region uses its own prices", () => {
    const e = estimateMonthlyCost(resolveVolumeSpec({ type: "gp3", sizeGiB: 100 }), "eu-west-1");
    expect(e.priceRegion).toBe("eu-west-1");
    expect(e.monthlyUsd).toBe(8.8);
  });
});

describe("snapshot lifecycle plan", () => {
  test("defaults: daily at 03:00, keep 7, copy tags, target tag", () => {
    const d = buildPolicyDetails("proj/dev/db", {});
    expect(d.targetTags).toEqual({ [SNAPSHOT_TARGET_TAG]: "proj/dev/db" });
    expect(d.resourceTypes).toEqual(["VOLUME"]);
    expect(d.schedules).toEqual([
      {
        name: "every-24h",
        copyTags: true,
        createRule: { interval: 24, intervalUnit: "HOURS", times: "03:00" },
        retainRule: { count: 7 },
        tagsToAdd: { "paved:snapshot-of": "proj/dev/db" },
      },
    ]);
  });

  test("cross-Region copies are always encrypted with the given key", () => {
    const d = buildPolicyDetails("p/s/db", {
      intervalHours: 12,
      retainCount: 14,
      copyTags: false,
      crossRegionCopies: [{ region: "eu-central-1", kmsKeyArn: "arn:key", retainDays: 30 }],
    });
    expect(d.schedules[0].crossRegionCopyRules).toEqual([
      {
        target: "eu-central-1",
        encrypted: true,
        cmkArn: "arn:key",
        copyTags: false,
        retainRule: { interval: 30, intervalUnit: "DAYS" },
      },
    ]);
  });

  test.each([
    [{ intervalHours: 5 }, "PAVED_SNAPSHOT_INTERVAL"],
    [{ time: "3am" }, "PAVED_SNAPSHOT_TIME"],
    [{ retainCount: 0 }, "PAVED_SNAPSHOT_RETAIN_RANGE"],
    [{ retainCount: 1001 }, "PAVED_SNAPSHOT_RETAIN_RANGE"],
    [{ crossRegionCopies: [{ region: "eu-west-1", kmsKeyArn: "k" }] }, "PAVED_SNAPSHOT_COPY_REGION"],
    [{ crossRegionCopies: [{ region: "mars", kmsKeyArn: "k" }] }, "PAVED_SNAPSHOT_COPY_REGION"],
    [{ crossRegionCopies: [{ region: "eu-central-1", kmsKeyArn: "" }] }, "PAVED_SNAPSHOT_COPY_KEY"],
    [
      { crossRegionCopies: [{ region: "eu-central-1", kmsKeyArn: "k", retainDays: 0 }] },
      "PAVED_SNAPSHOT_RETAIN_RANGE",
    ],
    [
      {
        crossRegionCopies: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((region) => ({
          region,
          kmsKeyArn: "k",
        })),
      },
      "PAVED_SNAPSHOT_COPY_COUNT",
    ],
  ] as const)("refuses %j with %s", (schedule, code) => {
    expect(codes(validateSnapshotSchedule(schedule as never, "snapshots", "eu-west-1"))).toEqual([code]);
  });

  test("the role is trusted by the DLM service only", () => {
    expect(dlmTrustPolicy().Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "dlm.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
  });

  test("the role policy is least-privilege: tagged volumes, DLM-made snapshots, given keys", () => {
    const doc = dlmRolePolicy({
      partition: "aws",
      targetValue: "p/s/db",
      keyArns: ["arn:k1", "arn:k1"],
      crossRegion: false,
    });
    const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
    expect(bySid.SnapshotTargetVolumes.Condition).toEqual({
      StringEquals: { [`aws:ResourceTag/${SNAPSHOT_TARGET_TAG}`]: "p/s/db" },
    });
    expect(bySid.DeleteOwnSnapshots.Condition).toEqual({
      Null: { "aws:ResourceTag/aws:dlm:lifecycle-policy-id": "false" },
    });
    expect(bySid.CreateSnapshots.Action).toEqual(["ec2:CreateSnapshot"]);
    expect(bySid.UseVolumeKeys.Resource).toEqual(["arn:k1"]);
    expect(bySid.GrantsForSnapshots.Condition).toEqual({ Bool: { "kms:GrantIsForAWSResource": "true" } });
    // Only the Describe statement is on every resource (Describe* has no resource-level permissions).
    expect(doc.Statement.filter((s) => s.Resource === "*").map((s) => s.Sid)).toEqual(["Describe"]);
    for (const s of doc.Statement)
      expect(s.Action.some((a) => a.endsWith("*") && !a.startsWith("kms:"))).toBe(false);
  });

  test("cross-Region copy adds CopySnapshot and nothing else", () => {
    const doc = dlmRolePolicy({ partition: "aws", targetValue: "x", keyArns: [], crossRegion: true });
    const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
    expect(bySid.CreateSnapshots.Action).toEqual(["ec2:CreateSnapshot", "ec2:CopySnapshot"]);
    expect(bySid.UseVolumeKeys).toBeUndefined();
  });
});

describe("the shared performance checks (SanVolume and EncryptedStorageClass)", () => {
  test("maxIopsForSize: gp3 keeps its 3,000 baseline on small volumes, then 500 per GiB; io2 1,000 per GiB", () => {
    expect(maxIopsForSize("gp3", 1)).toBe(3000);
    expect(maxIopsForSize("gp3", 20)).toBe(10000);
    expect(maxIopsForSize("io2", 4)).toBe(4000);
  });

  test("checkIops applies the default and reports the range", () => {
    expect(checkIops("io2", undefined)).toEqual({ iops: 3000, ok: true, problems: [] });
    const bad = checkIops("gp3", 20000, (f) => `volume.${f}`);
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([
      expect.objectContaining({
        arg: "volume.iops",
        code: "PAVED_VOLUME_IOPS_RANGE",
        fix: "use 3000..16000",
      }),
    ]);
  });

  test("checkThroughput applies gp3's default, names the caller's type argument, skips the ratio without IOPS", () => {
    expect(checkThroughput("gp3", undefined, 3000, "type")).toEqual({ throughputMiBps: 125, problems: [] });
    expect(checkThroughput("io2", 200, 3000, "volumeType").problems[0].fix).toBe(
      "remove throughputMiBps, or use volumeType gp3",
    );
    expect(checkThroughput("gp3", 1000, 3000, "type").problems.map((p) => p.code)).toEqual([
      "PAVED_VOLUME_THROUGHPUT_RATIO",
    ]);
    expect(checkThroughput("gp3", 1000, undefined, "type").problems).toEqual([]);
  });
});
