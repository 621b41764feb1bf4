/**
 * `--format markdown`: the check as a pull request comment or GitHub's job
 * summary ($GITHUB_STEP_SUMMARY): the verdict, the findings by severity
 * (level, policy, resource, message, the program line that constructed the
 * resource), the exemptions used (owner, ticket, expiry), and what decided
 * the verdict (the pack and its version, the policy config and the
 * exemptions file with their sha256). Optionally the topology in Mermaid,
 * which GitHub renders. Pure.
 */
import type { Report, Violation } from "./model";
import { SEVERITY_ORDER } from "./model";
import type { Locate } from "./sarif";

export interface MarkdownOptions {
  /** Where the program constructed each resource. */
  readonly locate?: Locate;
  /** A Mermaid flowchart of the program's topology, shown folded. */
  readonly mermaid?: string;
  /** At most this many findings are listed (a PR comment holds 65,536 characters). @default 200 */
  readonly maxFindings?: number;
}

/**
 * Text for a Markdown table cell or a line: HTML-significant characters as
 * entities (a message is program input: no tags, no comments hiding the rest),
 * pipes escaped, control characters dropped, one line.
 */
export function mdText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([`*_[\]\\])/g, (c) => (c === "\\" ? "\\\\" : `\\${c}`))
    .replace(/\|/g, "\\|")
    .replace(/\s*\r?\n\s*/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
}

/** Inline code: a backtick in the text gets a longer fence. */
function code(s: string): string {
  const clean = s.replace(/\s*\r?\n\s*/g, " ").replace(/\|/g, "\\|");
  const fence = clean.includes("`") ? "``" : "`";
  return `${fence}${clean.includes("`") ? ` ${clean} ` : clean}${fence}`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

const LEVEL_BADGE = { mandatory: "🛑 mandatory", advisory: "⚠️ advisory" } as const;

function title(report: Report): string {
  const t = report.target;
  return t.kind === "program" ? `${t.project ?? t.path} (stack ${t.stack ?? "dev"})` : `state ${t.path}`;
}

/** Renders the report as GitHub-flavoured Markdown. */
export function renderMarkdown(
  report: Report & { readonly inputs?: readonly string[] },
  opts: MarkdownOptions = {},
): string {
  const s = report.summary;
  const max = opts.maxFindings ?? 200;
  const out: string[] = [
    `## ${s.passed ? "✅" : "❌"} paved check: ${s.passed ? "PASS" : "FAIL"}, ${mdText(title(report))}`,
    "",
    `**${plural(s.mandatory, "mandatory violation")}**, ${plural(s.advisory, "advisory", "advisories")}, ` +
      `${plural(s.exemptions, "exemption")} used; ${plural(s.resources, "resource")} checked against ` +
      `${plural(s.policies, "policy", "policies")}.` +
      (s.passed ? "" : " Mandatory violations block the change."),
    "",
    "| decided by | |",
    "| --- | --- |",
    `| policy pack | ${code(`${report.pack.name} ${report.pack.version}`)} |`,
    // The inputs' own lines: `policy config: <file> (<where from>, sha256 <hex>)`.
    ...(report.inputs ?? []).map((line) => {
      const i = line.indexOf(": ");
      if (i < 0) return `| | ${mdText(line)} |`;
      const value = line.slice(i + 2);
      const m = /^(.+) \((.+), sha256 ([0-9a-f]+)\)$/.exec(value);
      const shown = m ? `${code(m[1])} (${code(m[2])}, sha256 ${code(m[3])})` : mdText(value);
      return `| ${mdText(line.slice(0, i))} | ${shown} |`;
    }),
    `| checked with | ${code(`${report.tool.name} ${report.tool.version}`)} |`,
    "",
  ];
  let listed = 0;
  for (const sev of SEVERITY_ORDER) {
    const group = report.violations.filter((v) => v.severity === sev);
    if (group.length === 0) continue;
    out.push(`### ${sev[0].toUpperCase()}${sev.slice(1)} (${group.length})`, "");
    out.push("| level | policy | resource | message | source |", "| --- | --- | --- | --- | --- |");
    for (const v of group) {
      if (listed >= max) break;
      out.push(row(v, opts.locate));
      listed++;
    }
    out.push("");
  }
  if (listed < report.violations.length) {
    out.push(
      `_${report.violations.length - listed} more finding(s) not listed here: see the SARIF or JSON report._`,
      "",
    );
  }
  if (report.violations.length === 0) out.push("No findings.", "");
  if (report.exemptions.length > 0) {
    out.push(
      `### Exemptions used (${report.exemptions.length})`,
      "",
      "| policy | resource | owner | ticket | expires | reason |",
      "| --- | --- | --- | --- | --- | --- |",
      ...report.exemptions.map(
        (e) =>
          `| ${[
            code(e.policy),
            code(e.urn.split("::").slice(3).join("::") || e.urn),
            mdText(e.owner),
            mdText(e.ticket),
            mdText(e.expires),
            mdText(e.reason),
          ].join(" | ")} |`,
      ),
      "",
    );
  }
  if (opts.mermaid) {
    out.push(
      "<details><summary>Topology</summary>",
      "",
      "```mermaid",
      opts.mermaid.trimEnd(),
      "```",
      "",
      "</details>",
      "",
    );
  }
  return out.join("\n");
}

function row(v: Violation, locate?: Locate): string {
  const at = locate?.(v.urn);
  return `| ${[
    LEVEL_BADGE[v.level],
    code(v.policy),
    `${code(v.resourceName)}<br/>${mdText(v.resourceType)}`,
    mdText(v.message),
    at ? code(`${at.file}:${at.line}`) : "",
  ].join(" | ")} |`;
}
