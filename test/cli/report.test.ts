import { buildReport, effectiveLevel, parseExemptionNote } from "../../cli/report/model";
import { renderText, wantsColour } from "../../cli/report/text";
import { renderJunit } from "../../cli/report/junit";
import { renderJson } from "../../cli/report/json";
import type { Finding, PolicyInfo } from "../../cli/engine/policy";
import type { CheckResource } from "../../cli/engine/resource";
import { findingText } from "../../cli/engine/pack";

const R = (name: string, type = "aws:s3/bucket:Bucket"): CheckResource => ({
  urn: `urn:pulumi:dev::p::${type}::${name}`,
  type,
  name,
  custom: true,
  dependencies: [],
  properties: {},
});
const policies: PolicyInfo[] = [
  { name: "p-high", description: "High.", enforcementLevel: "mandatory", severity: "high" },
  { name: "p-low", description: "Low.", enforcementLevel: "advisory", severity: "low" },
  { name: "p-off", description: "Off.", enforcementLevel: "disabled", severity: "low" },
];
const f = (over: Partial<Finding>): Finding => ({
  policyName: "p-high",
  policyPackName: "pack",
  message: "bad",
  enforcementLevel: "mandatory",
  severity: "high",
  resourceUrn: R("a").urn,
  blamed: true,
  ...over,
});

function report(findings: Finding[]) {
  return buildReport({
    version: "9.9.9",
    target: { kind: "program", path: "x", project: "p", stack: "dev" },
    pack: { name: "pack", version: "1.0.0" },
    policies,
    resources: [R("a"), R("b<&>"), { ...R("p-dev", "pulumi:pulumi:Stack") }],
    findings,
  });
}

describe("buildReport", () => {
  test("levels: remediate counts as mandatory (what is still wrong), disabled is dropped", () => {
    expect(effectiveLevel("remediate")).toBe("mandatory");
    expect(effectiveLevel("advisory")).toBe("advisory");
    expect(effectiveLevel("disabled")).toBeUndefined();
    const r = report([
      f({ enforcementLevel: "remediate" }),
      f({ enforcementLevel: "disabled", message: "x" }),
    ]);
    expect(r.violations.map((v) => v.level)).toEqual(["mandatory"]);
  });

  test("mandatory first, then by severity; the stack resource is not counted", () => {
    const r = report([
      f({ policyName: "p-low", enforcementLevel: "advisory", severity: "low" }),
      f({ enforcementLevel: "advisory", severity: "critical", message: "c" }),
      f({ severity: "medium", message: "m" }),
    ]);
    expect(r.violations.map((v) => [v.level, v.severity])).toEqual([
      ["mandatory", "medium"],
      ["advisory", "critical"],
      ["advisory", "low"],
    ]);
    expect(r.summary).toEqual({
      resources: 2,
      policies: 2,
      violations: 3,
      mandatory: 1,
      advisory: 2,
      exemptions: 0,
      passed: false,
    });
  });

  test("an unspecified severity falls back to the policy's", () => {
    expect(report([f({ severity: "unspecified" })]).violations[0].severity).toBe("high");
  });

  test("waived findings become exemptions; the ledger's repeat notes are dropped, its mandatory findings kept", () => {
    const r = report([
      f({
        enforcementLevel: "advisory",
        message: "not encrypted\n(exempted by SEC-1, owner team-a, until 2099-01-01: scratch disk)",
      }),
      f({
        policyName: "paved-exemptions",
        enforcementLevel: "advisory",
        message: "exemption SEC-1 (owner team-a, until 2099-01-01) waived 1 finding(s) of p-high on x",
      }),
      f({
        policyName: "paved-exemptions",
        enforcementLevel: "mandatory",
        message: "exemption e.yaml#0 is refused: owner is required",
      }),
    ]);
    expect(r.exemptions).toEqual([
      {
        policy: "p-high",
        urn: R("a").urn,
        message: "not encrypted",
        ticket: "SEC-1",
        owner: "team-a",
        expires: "2099-01-01",
        reason: "scratch disk",
      },
    ]);
    expect(r.violations.map((v) => [v.policy, v.level])).toEqual([["paved-exemptions", "mandatory"]]);
  });

  test("a mandatory finding that mentions an exemption is not mistaken for a waived one", () => {
    expect(
      parseExemptionNote({
        ...f({}),
        message: "x\n(exempted by SEC-1, owner o, until 2000-01-01: r)",
        enforcementLevel: "mandatory",
      }),
    ).toBeUndefined();
  });

  test("findingText drops the description line the SDK prefixes", () => {
    expect(
      findingText("EBS volumes are encrypted.\n`encrypted` is false", "EBS volumes are encrypted."),
    ).toBe("`encrypted` is false");
    expect(findingText("just a message", "Other.")).toBe("just a message");
  });
});

describe("json", () => {
  test("lists every checked resource with its parent's URN; the stack itself is not listed", () => {
    const stack = R("p-dev", "pulumi:pulumi:Stack");
    const site = { ...R("site", "test:index:Site"), custom: false, parent: stack.urn };
    const logs = { ...R("site-logs"), parent: site.urn };
    const doc = JSON.parse(
      renderJson(
        buildReport({
          version: "9.9.9",
          target: { kind: "program", path: "x", project: "p", stack: "dev" },
          pack: { name: "pack", version: "1.0.0" },
          policies,
          resources: [stack, site, logs],
          findings: [],
        }),
      ),
    ) as { resources: unknown[] };
    expect(doc.resources).toEqual([
      { urn: site.urn, type: "test:index:Site", name: "site", parent: stack.urn },
      { urn: logs.urn, type: "aws:s3/bucket:Bucket", name: "site-logs", parent: site.urn },
    ]);
  });
});

describe("text", () => {
  test("colour only when asked: ANSI codes on, none off", () => {
    const r = report([f({})]);
    expect(renderText(r, true)).toContain("\u001b[31mmandatory\u001b[39m");
    expect(renderText(r, false)).not.toContain("\u001b[");
  });

  test("wantsColour: a TTY without NO_COLOR; FORCE_COLOR forces it", () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColour({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
  });

  test("a clean report says PASS", () => {
    expect(renderText(report([]))).toMatch(
      /^PASS: 0 mandatory violations, 0 advisories, 0 exemptions used; 2 resources checked against 2 policies\.$/m,
    );
  });
});

describe("junit", () => {
  test("enabled policies x checked resources; XML special characters escaped", () => {
    const xml = renderJunit(report([f({ resourceUrn: R("b<&>").urn, message: 'say "no" & <stop>' })]));
    expect(xml).toContain('<testsuites name="paved check" tests="4" failures="1" errors="0">');
    expect(xml).toContain('<testcase name="b&lt;&amp;&gt; (aws:s3/bucket:Bucket)" classname="p-high">');
    expect(xml).toContain('<failure message="say &quot;no&quot; &amp; &lt;stop&gt;" type="mandatory">');
    expect(xml).not.toContain("p-off");
  });
});
