/**
 * paved's one-pass handlers (policies/lib/analyze.ts), on their own: what
 * they read from a request, how they take the pack config, what they refuse,
 * and the harness that holds them to the SDK's answers. Whole-pack
 * equivalence with the SDK is test/cli/pack-dispatch.test.ts; every policy
 * table runs both handlers (test/policies/harness.ts).
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as policy from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { fromAnalyzeResponse, levelEnum, toAnalyzeRequest } from "../../../cli/engine/analyzer-proto";
import {
  configFromRequest,
  makeAnalyze,
  makeAnalyzeStack,
  PavedAnalyzeResponse,
  scanInputs,
  withPavedAnalyze,
} from "../../../policies/lib/analyze";
import { defineResourcePolicy } from "../../../policies/lib/define";
import { requiredTags } from "../../../policies/governance/required-tags";
import { toSdkPolicy } from "../../../policies/lib/sdk";
import { recordOf, runPolicy, unknown } from "../harness";

const PACK = { name: "paved", version: "0.0.0-test", level: "advisory" as const };
const meta = {
  name: "test-policy",
  description: "A test policy.",
  category: "storage" as const,
  severity: "low" as const,
  defaultLevel: "mandatory" as const,
  remediation: ["Fix it."],
  frameworks: [],
};
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

type Rpc = ReturnType<typeof makeAnalyze>;
const ask = (rpc: Rpc, request: unknown) =>
  new Promise<analyzerpb.AnalyzeResponse>((res, rej) =>
    rpc({ request }, (e, v) => (e ? rej(e) : res(v as analyzerpb.AnalyzeResponse))),
  );

describe("scanInputs", () => {
  test("finds a preview unknown at any depth, and a wire-encoded value (a secret)", () => {
    expect(scanInputs({ a: [{ b: "x" }], c: 1, d: null })).toBe(0);
    expect(scanInputs({ a: [{ b: unknown }] })).toBe(1);
    expect(scanInputs({ a: { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "s" } })).toBe(2);
    expect(scanInputs({ a: unknown, b: { [SECRET_SIG]: "x", value: unknown } })).toBe(3);
  });

  test("a string of the sentinels' length that is no sentinel is plain data", () => {
    expect(scanInputs({ id: "12345678-1234-1234-1234-123456789012" })).toBe(0);
  });
});

describe("what a check reads", () => {
  test("a secret arrives unwrapped, as the SDK's deserializer gives it", async () => {
    const seen: unknown[] = [];
    const p = defineResourcePolicy({ ...meta, check: (r) => (seen.push(r.props.password), []) });
    await runPolicy(p, {
      type: "t:t:T",
      props: { password: { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" } },
    });
    expect(seen).toEqual(["hunter2", "hunter2"]);
  });

  test("an unknown input throws when read, so the policy reports one preview note", async () => {
    const p = defineResourcePolicy({ ...meta, check: (r) => [{ message: `size ${String(r.props.size)}` }] });
    const vs = await runPolicy(p, { type: "t:t:T", props: { size: unknown, name: "x" } });
    expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory" })]);
    expect(vs[0].message).toMatch(/skipped during preview: .*\.size/);
  });
});

describe("the pack config", () => {
  test("configFromRequest reads each policy's level and properties as the SDK's Configure does", () => {
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(levelEnum("disabled"));
    pc.setProperties(Struct.fromJavaScript({ additionalKeys: ["tier"] }));
    req.getPolicyconfigMap().set("paved-required-tags", pc);
    expect(configFromRequest(req)).toEqual({
      "paved-required-tags": { additionalKeys: ["tier"], enforcementLevel: "disabled" },
    });
  });

  test("a Configure call changes the levels Analyze reports at, through the service table", async () => {
    const p = defineResourcePolicy({ ...meta, check: () => [{ message: "always" }] });
    let sdkConfigured = 0;
    const impl = withPavedAnalyze(PACK, [toSdkPolicy(p)], {
      configure: (_call, cb) => {
        sdkConfigured++;
        cb(undefined, "ok");
      },
    });
    const request = toAnalyzeRequest(recordOf({ type: "t:t:T", props: {} }));
    expect(fromAnalyzeResponse(await ask(impl.analyze, request))[0].enforcementLevel).toBe("mandatory");
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(levelEnum("advisory"));
    pc.setProperties(new Struct());
    req.getPolicyconfigMap().set(p.name, pc);
    await new Promise((res, rej) => impl.configure({ request: req }, (e, v) => (e ? rej(e) : res(v))));
    expect(sdkConfigured).toBe(1);
    expect(fromAnalyzeResponse(await ask(impl.analyze, request))[0].enforcementLevel).toBe("advisory");
  });

  test("a config the SDK refuses leaves the handlers' config as it was", async () => {
    const p = defineResourcePolicy({ ...meta, check: () => [{ message: "always" }] });
    const impl = withPavedAnalyze(PACK, [toSdkPolicy(p)], {
      configure: (_call, cb) => cb(new Error("refused")),
    });
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(levelEnum("disabled"));
    req.getPolicyconfigMap().set(p.name, pc);
    await expect(
      new Promise((res, rej) => impl.configure({ request: req }, (e, v) => (e ? rej(e) : res(v)))),
    ).rejects.toThrow("refused");
    const request = toAnalyzeRequest(recordOf({ type: "t:t:T", props: {} }));
    expect(fromAnalyzeResponse(await ask(impl.analyze, request))).toHaveLength(1);
  });
});

describe("the environment", () => {
  test("a handler reads the stack config once, at its first request (the engine sets it at start)", async () => {
    const saved = process.env.PULUMI_CONFIG;
    try {
      process.env.PULUMI_CONFIG = JSON.stringify({ "paved:environment": "prod" });
      const analyze = makeAnalyze(PACK, [toSdkPolicy(requiredTags)], () => ({}));
      const tags = { "app-id": "a", owner: "o", "cost-center": "c", "data-classification": "internal" };
      const request = () =>
        toAnalyzeRequest(recordOf({ type: "aws:s3/bucket:Bucket", props: { bucket: "b", tags } }));
      const first = fromAnalyzeResponse(await ask(analyze, request()));
      expect(first[0].message).toMatch(/missing tags [^;]*change-ticket/);
      process.env.PULUMI_CONFIG = JSON.stringify({ "paved:environment": "dev" });
      expect(fromAnalyzeResponse(await ask(analyze, request()))).toEqual(first);
      // A new handler (a new pack process) reads the new value.
      const fresh = makeAnalyze(PACK, [toSdkPolicy(requiredTags)], () => ({}));
      expect(fromAnalyzeResponse(await ask(fresh, request()))[0].message).not.toMatch(
        /missing tags [^;]*change-ticket/,
      );
    } finally {
      if (saved === undefined) delete process.env.PULUMI_CONFIG;
      else process.env.PULUMI_CONFIG = saved;
    }
  });
});

describe("what the handlers refuse", () => {
  test("a policy not made by toSdkPolicy: they serve paved policies only, and say so", () => {
    const foreign: policy.ResourceValidationPolicy = {
      name: "foreign",
      description: "Not ours.",
      enforcementLevel: "mandatory",
      validateResource: () => undefined,
    };
    expect(() => makeAnalyze(PACK, [foreign], () => ({}))).toThrow(
      /policy "foreign" was not made by toSdkPolicy/,
    );
    expect(() => makeAnalyzeStack(PACK, [foreign], () => ({}))).toThrow(/policy "foreign"/);
  });
});

describe("the harness holds both handlers to one answer", () => {
  test("a check that answers differently on its second run fails the test that runs it", async () => {
    let calls = 0;
    const flaky = defineResourcePolicy({
      ...meta,
      check: () => (++calls === 1 ? [] : [{ message: "now it fails" }]),
    });
    await expect(runPolicy(flaky, { type: "t:t:T", props: {} })).rejects.toThrow(
      /test-policy: paved's handler and the SDK's disagree/,
    );
  });

  test("an appliesTo that skips a type the check reports on is caught", async () => {
    const lying = defineResourcePolicy({
      ...meta,
      appliesTo: () => false,
      check: () => [{ message: "found something" }],
    });
    await expect(runPolicy(lying, { type: "t:t:T", props: {} })).rejects.toThrow(/disagree/);
  });

  test("an appliesTo that throws runs the check, which reports as the SDK path does", async () => {
    const throwing = defineResourcePolicy({
      ...meta,
      appliesTo: () => {
        throw new Error("bad config");
      },
      check: () => [{ message: "found something" }],
    });
    expect(await runPolicy(throwing, { type: "t:t:T", props: {} })).toHaveLength(1);
  });
});

describe("the response", () => {
  const diagnostic = (enforcementLevel: string, severity?: string, urn?: string) => ({
    policyName: "p",
    policyPackName: "paved",
    policyPackVersion: "1.0.0",
    description: "d",
    message: "d\nm",
    urn,
    enforcementLevel,
    severity,
  });
  const ds = [
    diagnostic("mandatory", "critical", "urn:a"),
    diagnostic("advisory", "low"),
    diagnostic("remediate", "medium", "urn:b"),
    diagnostic("disabled", "high"),
    diagnostic("mandatory"),
  ];

  test("its getters answer what the SDK's own response answers, for every level and severity", () => {
    const na = new analyzerpb.PolicyNotApplicable();
    na.setPolicyName("q");
    na.setReason("Policy only applies to resources of type 'x'");
    const resp = new PavedAnalyzeResponse(ds as never, [na]);
    const sdk = resp.sdk();
    const read = (r: analyzerpb.AnalyzeResponse) =>
      r
        .getDiagnosticsList()
        .map((d) => [
          d.getPolicyname(),
          d.getPolicypackname(),
          d.getPolicypackversion(),
          d.getDescription(),
          d.getMessage(),
          d.getEnforcementlevel(),
          d.getUrn(),
          d.getSeverity(),
        ]);
    expect(read(resp)).toEqual(read(sdk));
    expect(read(resp)).toHaveLength(5);
    expect(resp.getNotApplicableList().map((n) => n.toObject())).toEqual(
      sdk.getNotApplicableList().map((n) => n.toObject()),
    );
  });

  test("on a wire and as an object it is the SDK's response, byte for byte", () => {
    const resp = new PavedAnalyzeResponse(ds as never, []);
    expect(Buffer.from(resp.serializeBinary())).toEqual(Buffer.from(resp.sdk().serializeBinary()));
    expect(resp.toObject()).toEqual(resp.sdk().toObject());
    expect(resp.getDiagnosticsList()[0].toObject()).toEqual(resp.sdk().getDiagnosticsList()[0].toObject());
  });
});
