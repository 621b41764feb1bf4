/** The mechanics every policy gets from lib/define.ts, lib/sdk.ts and lib/stack.ts. */
import { PavedValidationError } from "../../../components/core/errors";
import { defineResourcePolicy, defineStackPolicy, schemaDefaults } from "../../../policies/lib/define";
import { cisAws } from "../../../policies/lib/frameworks";
import { toSdkPolicy } from "../../../policies/lib/sdk";
import { currentStack, parseStackConfig } from "../../../policies/lib/stack";
import { runPolicy, runStackPolicy } from "../harness";

const meta = {
  name: "test-policy",
  description: "A test policy.",
  category: "storage" as const,
  severity: "low" as const,
  defaultLevel: "mandatory" as const,
  remediation: ["Fix it."],
  frameworks: [cisAws("1.1"), cisAws("1.2")],
};

describe("definitions are checked", () => {
  function codes(f: () => unknown): string[] {
    try {
      f();
    } catch (e) {
      if (e instanceof PavedValidationError) return e.problems.map((p) => p.code);
      throw e;
    }
    return [];
  }

  test("every metadata problem is listed at once, with its code", () => {
    expect(
      codes(() =>
        defineResourcePolicy({
          ...meta,
          name: "Not_Kebab",
          description: " ",
          severity: "urgent" as never,
          defaultLevel: "strict" as never,
          remediation: [],
          check: () => [],
        }),
      ),
    ).toEqual([
      "PAVED_POLICY_NAME",
      "PAVED_POLICY_DESCRIPTION",
      "PAVED_POLICY_SEVERITY",
      "PAVED_POLICY_LEVEL",
      "PAVED_POLICY_REMEDIATION",
    ]);
  });

  test("the reserved name all, a bad category, and enforcementLevel in a configSchema are refused", () => {
    expect(codes(() => defineStackPolicy({ ...meta, name: "all", check: () => [] }))).toEqual([
      "PAVED_POLICY_NAME",
    ]);
    expect(codes(() => defineStackPolicy({ ...meta, category: "misc" as never, check: () => [] }))).toEqual([
      "PAVED_POLICY_CATEGORY",
    ]);
    expect(
      codes(() =>
        defineResourcePolicy({
          ...meta,
          configSchema: { properties: { enforcementLevel: { type: "string" } } },
          check: () => [],
        }),
      ),
    ).toEqual(["PAVED_POLICY_CONFIG_SCHEMA"]);
  });

  test("the message names the policy, the field and the fix", () => {
    expect(() => defineResourcePolicy({ ...meta, remediation: [], check: () => [] })).toThrow(
      'definePolicy "test-policy": remediation is empty; list at least one step that fixes a violation',
    );
  });

  test("schema defaults are read from each property", () => {
    expect(
      schemaDefaults({
        configSchema: { properties: { a: { type: "number", default: 3 }, b: { type: "string" } } },
      }),
    ).toEqual({ a: 3 });
  });
});

describe("what the SDK gets", () => {
  test("numbered remediation steps, every framework in the specification, security-set tag", () => {
    const sdk = toSdkPolicy(defineResourcePolicy({ ...meta, securitySet: true, check: () => [] }));
    expect(sdk.remediationSteps).toBe("1. Fix it.");
    expect(sdk.framework).toEqual({
      name: "CIS AWS Foundations Benchmark",
      version: "3.0.0",
      reference: "1.1",
      specification: "CIS AWS Foundations Benchmark 3.0.0 1.1; CIS AWS Foundations Benchmark 3.0.0 1.2",
    });
    expect(sdk.tags).toEqual(["storage", "security-set"]);
  });

  test("a check that throws is reported at the policy's level, not a crash", async () => {
    const broken = defineResourcePolicy({
      ...meta,
      check: () => {
        throw new TypeError("boom");
      },
    });
    const vs = await runPolicy(broken, { type: "aws:s3/bucket:Bucket", props: {} });
    expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "mandatory" })]);
    expect(vs[0].message).toMatch(/could not evaluate this input: TypeError: boom/);
  });

  test("a policy's config reaches the check with schema defaults under it", async () => {
    const seen: unknown[] = [];
    const p = defineResourcePolicy<{ a: number; b: string }>({
      ...meta,
      configSchema: {
        properties: { a: { type: "number", default: 1 }, b: { type: "string", default: "x" } },
      },
      check: (_r, ctx) => {
        seen.push(ctx.config);
        return [];
      },
    });
    await runPolicy(p, { type: "t:t:T", props: {} }, { config: { b: "y" } });
    // Once through the SDK's handler, once through paved's (the harness runs both).
    expect(seen).toEqual([
      { a: 1, b: "y" },
      { a: 1, b: "y" },
    ]);
  });

  test("a types list keeps other types from reaching the check", async () => {
    const seen: string[] = [];
    const p = defineResourcePolicy({
      ...meta,
      types: ["a:b:C", "a:b:D"],
      check: (r) => (seen.push(r.type), []),
    });
    for (const type of ["a:b:C", "a:b:E", "a:b:D"]) await runPolicy(p, { type, props: {} });
    // Each listed type twice (both handlers), the other never.
    expect(seen).toEqual(["a:b:C", "a:b:C", "a:b:D", "a:b:D"]);
  });

  test("a stack finding flagged advisory stays advisory under a mandatory policy", async () => {
    const p = defineStackPolicy({
      ...meta,
      check: () => [
        { message: "fyi", advisory: true },
        { message: "bad", urn: "urn:x" },
      ],
    });
    const vs = await runStackPolicy(p, []);
    expect(vs.map((v) => [v.enforcementLevel, v.urn])).toEqual([
      ["advisory", ""],
      ["mandatory", "urn:x"],
    ]);
  });

  test("level disabled from pack config: the policy does not run", async () => {
    const p = defineResourcePolicy({ ...meta, check: () => [{ message: "bad" }] });
    expect(
      await runPolicy(p, { type: "t:t:T", props: {} }, { config: { enforcementLevel: "disabled" } }),
    ).toEqual([]);
  });
});

describe("stack context", () => {
  test("paved:* keys from PULUMI_CONFIG, environment picked out", () => {
    expect(
      parseStackConfig(
        JSON.stringify({ "paved:environment": "prod", "paved:appId": "a", "aws:region": "x" }),
      ),
    ).toEqual({
      environment: "prod",
      paved: { environment: "prod", appId: "a" },
    });
    expect(parseStackConfig("{not json")).toEqual({ environment: undefined, paved: {} });
    expect(parseStackConfig(undefined).environment).toBeUndefined();
  });

  test("the current stack follows the environment variable", () => {
    const saved = process.env.PULUMI_CONFIG;
    try {
      process.env.PULUMI_CONFIG = JSON.stringify({ "paved:environment": "staging" });
      expect(currentStack().environment).toBe("staging");
      process.env.PULUMI_CONFIG = JSON.stringify({ "paved:environment": "dev" });
      expect(currentStack().environment).toBe("dev");
    } finally {
      if (saved === undefined) delete process.env.PULUMI_CONFIG;
      else process.env.PULUMI_CONFIG = saved;
    }
  });
});
