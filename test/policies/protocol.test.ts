/**
 * The pack as the engine runs it: a process started with
 * `run-policy-pack <engine-address> .` in the pack directory, printing its
 * port, then GetAnalyzerInfo, Configure, Analyze and AnalyzeStack over gRPC
 * with @pulumi/pulumi's stubs, through the same client `paved check` uses.
 */
import * as path from "path";
import { Analyzer, startAnalyzer } from "../../cli/engine/analyzer";
import { PackConfigError } from "../../cli/engine/analyzer-config";
import { recordOf, unknown } from "./harness";

const packDir = path.join(__dirname, "../../policies");
const rootVersion = (require("../../package.json") as { version: string }).version;

const volume = (name: string, props: Record<string, unknown>) =>
  recordOf({ type: "aws:ebs/volume:Volume", name, props: { availabilityZone: "us-east-1a", ...props } });

describe("the pack over gRPC", () => {
  let pack: Analyzer;
  beforeAll(async () => {
    // The engine address is a placeholder: a Node pack never dials it.
    pack = await startAnalyzer({ packDir, config: { "aws-ebs-volume-encrypted": "mandatory" } });
  });
  afterAll(async () => {
    await pack?.close();
  });

  test("GetAnalyzerInfo names the pack, its version and every policy's metadata", async () => {
    const info = await pack.info();
    expect(info.name).toBe("paved");
    expect(info.version).toBe(rootVersion);
    const ebs = info.policies.find((p) => p.name === "aws-ebs-volume-encrypted");
    expect(ebs).toMatchObject({ enforcementLevel: "mandatory", severity: "high", kind: "resource" });
    expect(ebs?.framework?.name).toBe("CIS AWS Foundations Benchmark");
    expect(ebs?.remediationSteps).toMatch(/^1\. Set `encrypted: true`/);
    expect(ebs?.configSchema?.properties).toHaveProperty("exemptions");
  });

  test("Analyze reports violations per resource, concurrently, blaming each resource", async () => {
    const records = [
      volume("ok", { encrypted: true }),
      volume("bad-1", { encrypted: false }),
      volume("bad-2", {}),
      volume("later", { encrypted: unknown }),
    ];
    const vs = await pack.analyze(records);
    const ebs = vs.filter((v) => v.policyName === "aws-ebs-volume-encrypted");
    expect(ebs.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.urn)).toEqual([
      records[1].urn,
      records[2].urn,
    ]);
    const preview = ebs.filter((v) => v.urn === records[3].urn);
    expect(preview).toHaveLength(1);
    expect(preview[0]).toMatchObject({ enforcementLevel: "advisory" });
    expect(preview[0].message).toMatch(/skipped during preview/);
  });

  test("AnalyzeStack reports stack policies, blaming the resource at fault", async () => {
    const vpc = recordOf({ type: "aws:ec2/vpc:Vpc", name: "core", props: { cidrBlock: "10.0.0.0/16" } });
    const vs = await pack.analyzeStack([vpc, volume("ok", { encrypted: true })]);
    const flow = vs.filter((v) => v.policyName === "aws-vpc-flow-logs-enabled");
    expect(flow).toEqual([expect.objectContaining({ enforcementLevel: "mandatory", urn: vpc.urn })]);
    expect(flow[0].message).toMatch(/VPC "core" has no flow log/);
  });
});

describe("pack config", () => {
  test("Configure sets a policy's level", async () => {
    const pack = await startAnalyzer({ packDir, config: { "aws-ebs-volume-encrypted": "advisory" } });
    try {
      const vs = await pack.analyze([volume("bad", { encrypted: false })]);
      expect(vs.filter((v) => v.policyName === "aws-ebs-volume-encrypted")).toEqual([
        expect.objectContaining({ enforcementLevel: "advisory" }),
      ]);
    } finally {
      await pack.close();
    }
  });

  test("a config naming no policy or failing a schema is refused before any analysis", async () => {
    await expect(
      startAnalyzer({
        packDir,
        config: {
          "no-such-policy": "mandatory",
          "aws-ebs-volume-encrypted": { exemptions: [{ urn: "urn:x", owner: "team-a" }] },
        },
      }),
    ).rejects.toThrow(PackConfigError);
  });
});

test("Remediate fills missing tags from the stack config when the tag policy is at level remediate", async () => {
  const pack = await startAnalyzer({
    packDir,
    config: { "paved-required-tags": "remediate" },
    stackConfig: {
      "paved:environment": "dev",
      "paved:appId": "payments",
      "paved:owner": "team-payments",
      "paved:costCenter": "cc-1",
      "paved:dataClassification": "internal",
    },
  });
  try {
    const bucket = recordOf({
      type: "aws:s3/bucket:Bucket",
      name: "b",
      props: { bucket: "b", tags: { owner: "me" } },
    });
    const tagged = recordOf({
      type: "aws:s3/bucket:Bucket",
      name: "ok",
      props: {
        tags: {
          ...(bucket.inputs.tags as object),
          "app-id": "a",
          "cost-center": "c",
          "data-classification": "internal",
          environment: "dev",
        },
      },
    });
    const fixes = await pack.remediate([bucket, tagged]);
    expect(fixes).toEqual([
      {
        urn: bucket.urn,
        policies: ["paved-required-tags"],
        inputs: {
          bucket: "b",
          tags: {
            owner: "me",
            "app-id": "payments",
            "cost-center": "cc-1",
            "data-classification": "internal",
            environment: "dev",
          },
        },
      },
    ]);
    // what remains after the fix is clean; a violation left would be mandatory
    const after = await pack.analyze([{ ...bucket, inputs: fixes[0].inputs }]);
    expect(after.filter((v) => v.policyName === "paved-required-tags")).toEqual([]);
  } finally {
    await pack.close();
  }
});
