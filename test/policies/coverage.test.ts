/**
 * The cross-reference data names only policies the pack has, and counts right.
 * (That docs/coverage.md matches it is asserted with the other generated files, test/policies/docs.test.ts.)
 */
import { RULE_SETS, ruleSetProblems, summarize } from "../../policies/crossref/render";
import { policies } from "../../policies/pack";

const names = new Set(policies.map((p) => p.name));

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
