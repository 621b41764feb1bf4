/**
 * Renders `docs/coverage.md`: how Paved covers the rules of cdk-nag's
 * AwsSolutions pack and pulumi/compliance-policies' AWS policies, from the
 * data in this folder and the policies' own metadata (levels per stage from
 * `stageLevel`). Pure string building; `lib/generated.ts` formats and writes
 * it with the other generated files.
 */
import type { PolicyDefinition } from "../lib/define";
import { STAGES, stageLevel } from "../lib/docs";
import { cdkNagAwsSolutions } from "./cdk-nag";
import { compliancePoliciesAws } from "./compliance-policies";
import { type CoverageEntry, NOT_APPLICABLE, type NotCoveredKind, type RuleSet } from "./types";

/** The rule sets compared, in page order. */
export const RULE_SETS: readonly RuleSet[] = [cdkNagAwsSolutions, compliancePoliciesAws];

const KIND_TEXT: Record<NotCoveredKind, string> = {
  "not-expressible": "not applicable (not expressible from a program's inputs)",
  "retired-service": "not applicable (retired service)",
  "aws-enforced": "not applicable (AWS enforces it; no input can turn it off)",
  deliberate: "not covered (deliberate choice)",
  gap: "not covered (no policy yet)",
};

/** The problems in a rule set's data: duplicate ids, inconsistent fields, policies the pack lacks. */
export function ruleSetProblems(set: RuleSet, policyNames: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of set.entries) {
    const at = `${set.title} ${e.id}`;
    if (seen.has(e.id)) problems.push(`${at}: listed twice`);
    seen.add(e.id);
    if (!e.control.trim()) problems.push(`${at}: no control text`);
    if (e.coverage === "none") {
      if (e.paved.length > 0) problems.push(`${at}: coverage "none" but lists ${e.paved.join(", ")}`);
      if (!e.kind || !e.reason) problems.push(`${at}: coverage "none" needs a kind and a reason`);
    } else {
      if (e.paved.length === 0) problems.push(`${at}: coverage "${e.coverage}" lists no Paved policy`);
      if (e.kind) problems.push(`${at}: coverage "${e.coverage}" must not have a kind`);
      if (e.coverage === "partial" && !e.reason) problems.push(`${at}: coverage "partial" needs a reason`);
    }
    for (const p of e.paved) {
      if (!policyNames.has(p)) problems.push(`${at}: Paved policy "${p}" is not in policies/pack.ts`);
    }
  }
  return problems;
}

/** The counts of one rule set against the policies in the pack. */
export interface SetSummary {
  readonly rules: number;
  readonly notApplicable: number;
  readonly applicable: number;
  readonly full: number;
  readonly partial: number;
  readonly deliberate: number;
  readonly gap: number;
  /** (full + partial) / applicable, in percent. */
  readonly percent: number;
}

/** The coverage an entry gets from the policies in the pack: one it names that the pack lacks leaves it a gap. */
function effective(e: CoverageEntry, byName: ReadonlyMap<string, PolicyDefinition>): CoverageEntry {
  if (e.coverage === "none" || e.paved.every((p) => byName.has(p))) return e;
  return { ...e, coverage: "none", kind: "gap" };
}

export function summarize(set: RuleSet, byName: ReadonlyMap<string, PolicyDefinition>): SetSummary {
  const entries = set.entries.map((e) => effective(e, byName));
  const count = (f: (e: CoverageEntry) => boolean) => entries.filter(f).length;
  const notApplicable = count((e) => e.coverage === "none" && NOT_APPLICABLE.includes(e.kind!));
  const applicable = entries.length - notApplicable;
  const full = count((e) => e.coverage === "full");
  const partial = count((e) => e.coverage === "partial");
  return {
    rules: entries.length,
    notApplicable,
    applicable,
    full,
    partial,
    deliberate: count((e) => e.coverage === "none" && e.kind === "deliberate"),
    gap: count((e) => e.coverage === "none" && e.kind === "gap"),
    percent: applicable === 0 ? 100 : Math.round(((full + partial) / applicable) * 1000) / 10,
  };
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function byId(a: CoverageEntry, b: CoverageEntry): number {
  // Control ids for people (AC-2 before AC-10), in a named locale: the same on every machine.
  // eslint-disable-next-line no-restricted-properties
  return a.id.localeCompare(b.id, "en", { numeric: true });
}

function row(e: CoverageEntry, byName: ReadonlyMap<string, PolicyDefinition>): string {
  const eff = effective(e, byName);
  const names = e.paved.map((p) => (byName.has(p) ? `\`${p}\`` : `\`${p}\` (not in the pack)`));
  const levels = STAGES.map(
    (stage) =>
      e.paved.map((p) => (byName.has(p) ? stageLevel(byName.get(p)!, stage) : "-")).join("<br>") || "-",
  );
  const note =
    eff.coverage === "none"
      ? `${KIND_TEXT[eff.kind!]}${e.reason ? `: ${e.reason}` : ""}`
      : eff.coverage === "partial"
        ? `partly: ${e.reason ?? ""}`
        : "";
  return `| ${e.id} | ${cell(e.control)} | ${names.join("<br>") || "-"} | ${eff.coverage} | ${levels.join(" | ")} | ${cell(note)} |`;
}

/** The whole of `docs/coverage.md`. */
export function renderCoverage(
  policies: readonly PolicyDefinition[],
  sets: readonly RuleSet[] = RULE_SETS,
): string {
  const byName = new Map(policies.map((p) => [p.name, p]));
  const lines: string[] = [
    "<!-- Generated from policies/crossref/*.ts and the policies' metadata by `npm run docs:policies`. Do not edit by hand. -->",
    "",
    "# Coverage: Paved against cdk-nag and pulumi/compliance-policies",
    "",
    "Each rule of the two packs a platform team might otherwise pick, what it asks (in our words), the",
    "Paved policy or policies that enforce it and their level per stage (dev, staging, prod, as in",
    "`policies/config/`), or why none does. A rule is **not applicable** when no Pulumi program can",
    "express or change it (AWS enforces it, the service is retired, or the rule is about something",
    "outside the program's inputs); those are counted apart. Coverage is **partial** when Paved",
    "enforces the intent more narrowly or differently; the note says how.",
    "",
    "## Summary",
    "",
    "| rule set | rules | not applicable | applicable | full | partial | deliberate | no policy yet | covered (of applicable) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const set of sets) {
    const s = summarize(set, byName);
    lines.push(
      `| ${set.title} | ${s.rules} | ${s.notApplicable} | ${s.applicable} | ${s.full} | ${s.partial} | ${s.deliberate} | ${s.gap} | ${s.percent}% |`,
    );
  }
  for (const set of sets) {
    lines.push(
      "",
      `## ${set.title}`,
      "",
      `Source: ${set.source}.`,
      "",
      "| rule | control | Paved policy | coverage | dev | staging | prod | note |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...[...set.entries].sort(byId).map((e) => row(e, byName)),
    );
  }
  lines.push("");
  return lines.join("\n");
}
