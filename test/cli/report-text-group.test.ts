import { buildReport } from "../../cli/report/model";
import { renderText } from "../../cli/report/text";
import { renderJson } from "../../cli/report/json";
import type { Finding, PolicyInfo } from "../../cli/engine/policy";
import type { CheckResource } from "../../cli/engine/resource";

const R = (name: string): CheckResource => ({
  urn: `urn:pulumi:dev::p::aws:iam/policy:Policy::${name}`,
  type: "aws:iam/policy:Policy",
  name,
  custom: true,
  dependencies: [],
  properties: {},
});
const policies: PolicyInfo[] = [
  { name: "p-high", description: "High.", enforcementLevel: "mandatory", severity: "high" },
  { name: "p-other", description: "Other.", enforcementLevel: "mandatory", severity: "high" },
];
const f = (over: Partial<Finding>): Finding => ({
  policyName: "p-high",
  policyPackName: "pack",
  message: "m",
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
    resources: [R("a"), R("b")],
    findings,
  });
}

describe("text report: repeated findings of one policy on one resource", () => {
  const findings = [
    ...Array.from({ length: 12 }, (_, i) => f({ message: `statement ${i} allows s3:*` })),
    f({ policyName: "p-other", message: "other" }),
    f({ resourceUrn: R("b").urn, message: "on b" }),
    f({ enforcementLevel: "advisory", message: "a note" }),
  ];

  test("one row with the first message and a count; other policies, resources and levels stay apart", () => {
    const text = renderText(report(findings));
    const rows = text.split("\n").filter((l) => /^\s+(mandatory|advisory)\s/.test(l));
    expect(rows).toHaveLength(4);
    expect(text).toContain("×12 statement 0 allows s3:* (and 11 more like it: --format json lists each)");
    expect(text).not.toContain("statement 1 allows");
    expect(text).toMatch(/^HIGH \(15\)$/m);
    expect(text).toMatch(/FAIL: 14 mandatory violations, 1 advisory/);
  });

  test("json still lists every finding", () => {
    const json = JSON.parse(renderJson(report(findings))) as { violations: unknown[] };
    expect(json.violations).toHaveLength(15);
  });

  test("a single finding has no count", () => {
    expect(renderText(report([f({ message: "alone" })]))).not.toContain("×");
  });
});
