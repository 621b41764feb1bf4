import {
  DEV_GOVERNANCE,
  descendants,
  RecordedResource,
  settle,
  useMocks,
  valueOf,
} from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import { errorOf } from "../validation-error";
import { PAVED_VERSION } from "../../../components/core/version";
import { VOLUME_LIMITS, VOLUME_TYPES } from "../../../components/aws/storage/limits";
import {
  claimProblems,
  EBS_CSI_LIMITS,
  EncryptedStorageClass,
  EncryptedStorageClassArgs,
  planStorageClass,
  STORAGE_CLASS_VOLUME_TYPES,
  StorageClassProfile,
  tagSpecifications,
  VolumeClaim,
  VolumeClaimArgs,
} from "../../../components/kubernetes/storage";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

async function kidsOf(comp: { urn: import("@pulumi/pulumi").Output<string> }): Promise<RecordedResource[]> {
  await settle();
  return descendants(records, await valueOf(comp.urn));
}

describe("EncryptedStorageClass", () => {
  test("gp3 defaults: encrypted with the KMS key, WaitForFirstConsumer, expandable, Delete outside prod", async () => {
    const sc = new EncryptedStorageClass("fast", { kmsKeyId: KEY });
    const kids = await kidsOf(sc);
    expect(kids.map((k) => `${k.type} ${k.name}`)).toEqual([
      "kubernetes:storage.k8s.io/v1:StorageClass fast-sc",
    ]);
    const inputs = kids[0].inputs as Record<string, any>;
    expect(inputs.provisioner).toBe("ebs.csi.aws.com");
    expect(inputs.volumeBindingMode).toBe("WaitForFirstConsumer");
    expect(inputs.allowVolumeExpansion).toBe(true);
    expect(inputs.reclaimPolicy).toBe("Delete");
    expect(inputs.parameters).toEqual({
      type: "gp3",
      encrypted: "true",
      kmsKeyId: KEY,
      "csi.storage.k8s.io/fstype": "ext4",
      iops: "3000",
      throughput: "125",
      tagSpecification_1: "app-id=payments-api",
      tagSpecification_2: "cost-center=cc-1234",
      tagSpecification_3: "data-classification=confidential",
      tagSpecification_4: "environment=dev",
      tagSpecification_5: "owner=team-payments",
      tagSpecification_6: "paved:pattern=EncryptedStorageClass",
      tagSpecification_7: `paved:version=${PAVED_VERSION}`,
    });
    expect(inputs.metadata).toEqual({
      name: "fast",
      labels: {
        "paved.dev/app-id": "payments-api",
        "paved.dev/owner": "team-payments",
        "paved.dev/cost-center": "cc-1234",
        "paved.dev/data-classification": "confidential",
        "paved.dev/environment": "dev",
        "paved.dev/pattern": "EncryptedStorageClass",
        "paved.dev/version": PAVED_VERSION,
      },
      annotations: { "storageclass.kubernetes.io/is-default-class": "false" },
    });
    expect(sc.profile).toEqual({ name: "fast", volumeType: "gp3", iops: 3000, throughputMiBps: 125 });
    expect(await valueOf(sc.className)).toBe("fast");
    expect(kids.map((k) => k.urn)).toMatchSnapshot("urns");
  });

  test("prod retains volumes by default; an explicit reclaimPolicy wins", async () => {
    const prod = { environment: "prod" as const, changeTicket: "CHG-7" };
    const a = new EncryptedStorageClass("prod-a", { kmsKeyId: KEY, governance: prod });
    const b = new EncryptedStorageClass("prod-b", {
      kmsKeyId: KEY,
      governance: prod,
      reclaimPolicy: "Delete",
    });
    expect((await kidsOf(a))[0].inputs.reclaimPolicy).toBe("Retain");
    expect((await kidsOf(b))[0].inputs.reclaimPolicy).toBe("Delete");
    expect(a.reclaimPolicy).toBe("Retain");
  });

  test("io2 with IOPS, xfs, default class, custom class name", async () => {
    const sc = new EncryptedStorageClass("db", {
      kmsKeyId: KEY,
      className: "io2-db",
      volumeType: "io2",
      iops: 20000,
      fsType: "xfs",
      isDefault: true,
    });
    const inputs = (await kidsOf(sc))[0].inputs as Record<string, any>;
    expect(inputs.parameters).toMatchObject({
      type: "io2",
      iops: "20000",
      "csi.storage.k8s.io/fstype": "xfs",
    });
    expect(inputs.parameters.throughput).toBeUndefined();
    expect(inputs.metadata.name).toBe("io2-db");
    expect(inputs.metadata.annotations).toEqual({ "storageclass.kubernetes.io/is-default-class": "true" });
    expect(sc.profile).toEqual({ name: "io2-db", volumeType: "io2", iops: 20000 });
  });

  test.each<[string, Partial<EncryptedStorageClassArgs>, string, string]>([
    ["gp3 IOPS above 16000", { iops: 20000 }, "PAVED_VOLUME_IOPS_RANGE", "iops"],
    ["io2 IOPS below 100", { volumeType: "io2", iops: 50 }, "PAVED_VOLUME_IOPS_RANGE", "iops"],
    [
      "gp3 throughput above 1000",
      { throughputMiBps: 1200, iops: 16000 },
      "PAVED_VOLUME_THROUGHPUT_RANGE",
      "throughputMiBps",
    ],
    [
      "gp3 throughput above 0.25 per IOPS",
      { throughputMiBps: 1000 },
      "PAVED_VOLUME_THROUGHPUT_RATIO",
      "throughputMiBps",
    ],
    [
      "io2 throughput",
      { volumeType: "io2", throughputMiBps: 500 },
      "PAVED_VOLUME_THROUGHPUT_UNSUPPORTED",
      "throughputMiBps",
    ],
    ["an unknown type", { volumeType: "gp2" as never }, "PAVED_VOLUME_TYPE", "volumeType"],
    ["an unknown filesystem", { fsType: "btrfs" as never }, "PAVED_K8S_FS_TYPE", "fsType"],
    ["no KMS key", { kmsKeyId: "" }, "PAVED_K8S_KMS_KEY_MISSING", "kmsKeyId"],
    [
      "a KMS key id instead of its ARN",
      { kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" },
      "PAVED_K8S_KMS_KEY_INVALID",
      "kmsKeyId",
    ],
    ["an invalid class name", { className: "Fast_SSD" }, "PAVED_NAME_CHARS", "className"],
    [
      "an invalid reclaim policy",
      { reclaimPolicy: "Recycle" as never },
      "PAVED_K8S_RECLAIM_POLICY",
      "reclaimPolicy",
    ],
  ])("%s is refused", (_what, change, code, arg) => {
    const err = errorOf(() => new EncryptedStorageClass("bad-sc", { kmsKeyId: KEY, ...change }));
    expect(err.problems.map((p) => [p.code, p.arg])).toContainEqual([code, arg]);
    expect(err.message).toContain(`EncryptedStorageClass "bad-sc": ${arg} `);
  });
});

describe("planStorageClass and tagSpecifications", () => {
  test("gp3 at its top figures is accepted", () => {
    const p = planStorageClass({ volumeType: "gp3", iops: 16000, throughputMiBps: 1000, fsType: "ext4" });
    expect(p.problems).toEqual([]);
    expect(p.parameters).toMatchObject({ iops: "16000", throughput: "1000" });
  });

  test("the class's limits are SanVolume's table, not a copy", () => {
    expect(EBS_CSI_LIMITS).toBe(VOLUME_LIMITS);
    expect(STORAGE_CLASS_VOLUME_TYPES).toBe(VOLUME_TYPES);
  });

  test("a fix names the class's own argument: volumeType, not SanVolume's type", () => {
    const p = planStorageClass({ volumeType: "io2", throughputMiBps: 500, fsType: "ext4" });
    expect(p.problems).toEqual([
      expect.objectContaining({
        arg: "throughputMiBps",
        fix: "remove throughputMiBps, or use volumeType gp3",
        code: "PAVED_VOLUME_THROUGHPUT_UNSUPPORTED",
      }),
    ]);
  });

  test("out-of-range IOPS skip the throughput ratio check (one problem, not two)", () => {
    const p = planStorageClass({ volumeType: "gp3", iops: 1000, throughputMiBps: 1000, fsType: "ext4" });
    expect(p.problems.map((x) => x.code)).toEqual(["PAVED_VOLUME_IOPS_RANGE"]);
  });

  test("tag specifications are numbered in key order", () => {
    expect(tagSpecifications({ b: "2", a: "1" })).toEqual({
      tagSpecification_1: "a=1",
      tagSpecification_2: "b=2",
    });
  });
});

describe("VolumeClaim", () => {
  const gp3: StorageClassProfile = { name: "fast", volumeType: "gp3", iops: 3000, throughputMiBps: 125 };
  const io2: StorageClassProfile = { name: "db", volumeType: "io2", iops: 20000 };

  test("defaults: ReadWriteOncePod, Filesystem, the class by name, labels, in the namespace", async () => {
    const sc = new EncryptedStorageClass("claims-sc", { kmsKeyId: KEY });
    const claim = new VolumeClaim("data", { storageClass: sc, namespace: "payments", size: "20Gi" });
    const kids = await kidsOf(claim);
    expect(kids.map((k) => `${k.type} ${k.name}`)).toEqual([
      "kubernetes:core/v1:PersistentVolumeClaim data-pvc",
    ]);
    expect(kids[0].inputs).toEqual({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: {
        name: "data",
        namespace: "payments",
        labels: expect.objectContaining({
          "paved.dev/pattern": "VolumeClaim",
          "paved.dev/app-id": "payments-api",
        }),
      },
      spec: {
        storageClassName: "claims-sc",
        accessModes: ["ReadWriteOncePod"],
        volumeMode: "Filesystem",
        resources: { requests: { storage: "20Gi" } },
      },
    });
    expect(await valueOf(claim.claimName)).toBe("data");
  });

  test("io2 ReadWriteMany in Block mode (Multi-Attach) is accepted from a profile", async () => {
    const claim = new VolumeClaim("shared", {
      storageClass: io2,
      namespace: "payments",
      size: "100Gi",
      accessMode: "ReadWriteMany",
      volumeMode: "Block",
      claimName: "shared-disk",
    });
    const spec = (await kidsOf(claim))[0].inputs.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      storageClassName: "db",
      accessModes: ["ReadWriteMany"],
      volumeMode: "Block",
    });
  });

  test.each<[string, StorageClassProfile, Partial<VolumeClaimArgs>, string, string]>([
    ["ReadWriteMany on gp3", gp3, { accessMode: "ReadWriteMany" }, "PAVED_K8S_ACCESS_MODE", "accessMode"],
    [
      "ReadWriteMany on io2 as a filesystem",
      io2,
      { accessMode: "ReadWriteMany", size: "100Gi" },
      "PAVED_K8S_ACCESS_MODE",
      "accessMode",
    ],
    ["ReadOnlyMany", gp3, { accessMode: "ReadOnlyMany" }, "PAVED_K8S_ACCESS_MODE", "accessMode"],
    ["a size that is not a quantity", gp3, { size: "20 gigs" }, "PAVED_K8S_QUANTITY", "size"],
    ["a gp3 size above 16 TiB", gp3, { size: "20Ti" }, "PAVED_VOLUME_SIZE_RANGE", "size"],
    ["an io2 size below 4 GiB", io2, { size: "2Gi" }, "PAVED_VOLUME_SIZE_RANGE", "size"],
    ["an io2 size too small for the class's IOPS", io2, { size: "10Gi" }, "PAVED_VOLUME_IOPS_RATIO", "size"],
    ["an invalid claim name", gp3, { claimName: "Data" }, "PAVED_NAME_CHARS", "claimName"],
    ["an invalid namespace", gp3, { namespace: "Payments" }, "PAVED_NAME_CHARS", "namespace"],
    ["an invalid volume mode", gp3, { volumeMode: "Raw" as never }, "PAVED_K8S_VOLUME_MODE", "volumeMode"],
    [
      "a hand-written profile with an unknown volume type",
      { name: "x", volumeType: "gp2" as never, iops: 3000 },
      {},
      "PAVED_VOLUME_TYPE",
      "storageClass.volumeType",
    ],
    [
      "a hand-written profile with IOPS out of range",
      { name: "x", volumeType: "gp3", iops: -1 },
      {},
      "PAVED_VOLUME_IOPS_RANGE",
      "storageClass.iops",
    ],
    [
      "a hand-written io2 profile with throughput",
      { name: "x", volumeType: "io2", iops: 3000, throughputMiBps: 250 },
      {},
      "PAVED_VOLUME_THROUGHPUT_UNSUPPORTED",
      "storageClass.throughputMiBps",
    ],
  ])("%s is refused", (_what, cls, change, code, arg) => {
    const err = errorOf(
      () =>
        new VolumeClaim("bad-claim", { storageClass: cls, namespace: "payments", size: "20Gi", ...change }),
    );
    expect(err.problems.map((p) => [p.code, p.arg])).toContainEqual([code, arg]);
    expect(err.message).toContain(`VolumeClaim "bad-claim": ${arg} `);
  });

  test("claimProblems: gp3 IOPS above the 3000 baseline need 500 IOPS per GiB", () => {
    const cls: StorageClassProfile = { name: "x", volumeType: "gp3", iops: 16000 };
    const base = { accessMode: "ReadWriteOnce" as const, volumeMode: "Filesystem" as const };
    expect(claimProblems({ ...base, size: "32Gi" }, cls)).toEqual([]);
    expect(claimProblems({ ...base, size: "31Gi" }, cls).map((p) => p.code)).toEqual([
      "PAVED_VOLUME_IOPS_RATIO",
    ]);
    expect(claimProblems({ ...base, size: "1Gi" }, gp3)).toEqual([]);
  });
});
