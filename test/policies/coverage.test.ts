/** docs/coverage.md matches the cross-reference data, and the data names only policies the pack has. */
import * as fs from "fs";
import * as path from "path";
import { RULE_SETS, ruleSetProblems, summarize } from "../../policies/crossref/render";
import { generatedFiles } from "../../policies/lib/generated";
import { policies } from "../../policies/pack";

const root = path.join(__dirname, "../..");
const names = new Set(policies.map((p) => p.name));

test("docs/coverage.md is up to date (run `npm run docs:policies`)", () => {
  const expected = generatedFiles(root)["docs/coverage.md"];
  expect(expected).toBeDefined();
  const file = path.join(root, "docs/coverage.md");
  const actual = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  expect(actual).toEqual(expected);
});

describe.each(RULE_SETS.map((s) => [s.title, s] as const))("%s", (_title, set) => {
  test("every entry is consistent and names only policies in policies/pack.ts", () => {
    expect(ruleSetProblems(set, names)).toEqual([]);
  });

  test("the percentage counts only applicable rules", () => {
    const s = summarize(set, new Map(policies.map((p) => [p.name, p])));
    expect(s.applicable + s.notApplicable).toBe(s.rules);
    expect(s.full + s.partial + s.deliberate + s.gap).toBe(s.applicable);
  });
});

test("the rule lists are complete (131 cdk-nag AwsSolutions rules, 97 compliance-policies AWS policies)", () => {
  expect(RULE_SETS.map((s) => s.entries.length)).toEqual([131, 97]);
});
