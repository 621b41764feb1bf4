/**
 * Argument checks shared by the components: an Output where a plain value is
 * required, an ARN that is not one (or not of the right service), a VPC range
 * in public address space, a canary rollout without a canary step.
 */
import { DEV_GOVERNANCE, useMocks } from "../helpers/pulumi";
useMocks({
  config: {
    ...DEV_GOVERNANCE,
    "aws:region": "eu-west-1",
    "paved:permissionsBoundaryArn": "arn:aws:iam::123456789012:policy/boundary",
  },
  region: "eu-west-1",
});
import * as pulumi from "@pulumi/pulumi";
import { errorOf } from "./validation-error";
import { arnProblems, plainValueProblems, warnIfPublicVpcCidr } from "../../components/core/validation";
import { SegmentedNetwork } from "../../components/aws/network";
import { AlarmSet, HealthScore } from "../../components/aws/monitoring";
import { CanaryRollout, stepProblems } from "../../components/kubernetes/rollout";

const NET = { vpcCidr: "10.20.0.0/16", azCount: 2 } as const;

describe("an Output where a plain value is required", () => {
  test("names the arg and says it must be a plain value, not an Output", () => {
    const err = errorOf(
      () =>
        new SegmentedNetwork("out", { ...NET, vpcCidr: pulumi.output("10.20.0.0/16") as unknown as string }),
    );
    expect(err.code).toBe("PAVED_ARG_NOT_PLAIN");
    expect(err.message).toMatch(/^SegmentedNetwork "out": vpcCidr must be a plain value, not an Output; /);
    expect(err.problems).toHaveLength(1);
  });

  test("deep in a list (tiers[1].cidrMask), and a promise counts too", () => {
    const tiers = [
      { name: "public", cidrMask: 24, routing: "internet" },
      { name: "app", cidrMask: Promise.resolve(20), routing: "nat" },
    ];
    const err = errorOf(() => new SegmentedNetwork("deep", { ...NET, tiers } as never));
    expect(err.problems.map((p) => [p.arg, p.problem])).toEqual([
      ["tiers[1].cidrMask", "must be a plain value, not an Output"],
    ]);
  });

  test("the args documented as Inputs may be Outputs", () => {
    expect(
      plainValueProblems(
        {
          flowLogs: { destination: "s3", bucketArn: pulumi.output("arn:aws:s3:::b") },
          tags: { a: pulumi.output("x") },
        },
        ["tags", "flowLogs.kmsKeyArn", "flowLogs.bucketArn"],
      ),
    ).toEqual([]);
    expect(
      () =>
        new SegmentedNetwork("ok", {
          ...NET,
          flowLogs: { destination: "s3", bucketArn: pulumi.output("arn:aws:s3:::logs") },
        }),
    ).not.toThrow();
  });

  test("CanaryRollout: steps as an Output; namespace may be one", () => {
    const err = errorOf(
      () =>
        new CanaryRollout("api", {
          namespace: pulumi.output("payments"),
          image: "registry.example.com/api:1.0.0",
          steps: pulumi.output([10, 100]) as unknown as number[],
        }),
    );
    expect(err.problems.map((p) => `${p.arg} ${p.problem}`)).toEqual([
      "steps must be a plain value, not an Output",
    ]);
  });
});

describe("ARNs where an ARN is required", () => {
  const KMS = { service: "kms", what: "KMS key", example: "arn:aws:kms:eu-west-1:123456789012:key/k" };

  test.each([
    ["arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", []],
    ["arn:aws-cn:kms:cn-north-1:123456789012:alias/logs", []],
    ["1234abcd-12ab-34cd-56ef-1234567890ab", ["PAVED_ARN_INVALID"]],
    ["arn:aws:kms:eu-west-1:12345:key/x", ["PAVED_ARN_INVALID"]],
    ["arn:aws:s3:::bucket", ["PAVED_ARN_SERVICE"]],
    [42, ["PAVED_ARN_INVALID"]],
  ])("%j", (value, codes) => {
    expect(arnProblems("kmsKeyArn", value, KMS).map((p) => p.code)).toEqual(codes);
  });

  test("an Output is left to the provider", () => {
    expect(arnProblems("kmsKeyArn", pulumi.output("not an arn"), KMS)).toEqual([]);
  });

  test("SegmentedNetwork flow logs: the KMS key and the bucket", () => {
    const kms = errorOf(
      () =>
        new SegmentedNetwork("k", {
          ...NET,
          flowLogs: { destination: "cloudWatch", kmsKeyArn: "alias/logs" },
        }),
    );
    expect(kms.message).toContain(
      'SegmentedNetwork "k": flowLogs.kmsKeyArn "alias/logs" is not an ARN; give the KMS key\'s ARN, for example arn:aws:kms:',
    );
    const s3 = errorOf(
      () => new SegmentedNetwork("b", { ...NET, flowLogs: { destination: "s3", bucketArn: "my-logs" } }),
    );
    expect(s3.problems.map((p) => [p.arg, p.code])).toEqual([["flowLogs.bucketArn", "PAVED_ARN_INVALID"]]);
  });

  test("AlarmSet kmsKeyArn and HealthScore alarmTopicArn", () => {
    const targets = [{ kind: "ec2Instance", name: "web", instanceId: "i-1" }] as const;
    const set = errorOf(
      () => new AlarmSet("ops", { targets: [...targets], kmsKeyArn: "arn:aws:sns:eu-west-1:123456789012:t" }),
    );
    expect(set.problems.map((p) => [p.arg, p.code])).toEqual([["kmsKeyArn", "PAVED_ARN_SERVICE"]]);
    const score = errorOf(
      () =>
        new HealthScore("svc", {
          target: { kind: "alb", loadBalancer: "app/x/1", targetGroup: "targetgroup/y/2" },
          alarmTopicArn: "ops-alerts",
        } as never),
    );
    expect(score.problems.map((p) => [p.arg, p.code])).toContainEqual(["alarmTopicArn", "PAVED_ARN_INVALID"]);
  });
});

describe("a vpcCidr in public address space", () => {
  test("warns with the component, its name and the arg; a private range does not", () => {
    const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    try {
      new SegmentedNetwork("pub", { ...NET, vpcCidr: "8.20.0.0/16" });
      new SegmentedNetwork("priv", { ...NET, vpcCidr: "10.21.0.0/16" });
      const messages = warn.mock.calls
        .map((c) => String(c[0]))
        .filter((m) => m.includes("public address space"));
      expect(messages).toEqual([
        expect.stringMatching(
          /^SegmentedNetwork "pub": vpcCidr 8\.20\.0\.0\/16 is in public address space; use a private range/,
        ),
      ]);
      expect(warnIfPublicVpcCidr("X", "n", "vpcCidr", "100.64.0.0/16")).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("CanaryRollout refuses a step list without a canary step", () => {
  test("[100] is a PavedValidationError naming steps and the fix", () => {
    expect(stepProblems([100])).toEqual([
      expect.objectContaining({ arg: "steps", problem: expect.stringContaining("has no canary step") }),
    ]);
    const err = errorOf(
      () =>
        new CanaryRollout("api", {
          namespace: "payments",
          image: "registry.example.com/api:1.0.0",
          steps: [100],
        }),
    );
    expect(err.problems.map((p) => p.arg)).toEqual(["steps"]);
    expect(err.message).toMatch(/^CanaryRollout "api": steps has no canary step: .*; start below 100/);
  });

  test("[20, 100] and the default are fine", () => {
    expect(stepProblems([20, 100])).toEqual([]);
    expect(stepProblems([10, 25, 50, 100])).toEqual([]);
  });
});
