/**
 * `--format junit`: one testsuite per policy, one testcase per policy x
 * resource it applies to; a violation is a failure (mandatory) or a
 * skipped-with-message note (advisory is reported as a `<system-out>` too, so
 * CI dashboards show it without failing).
 */
import type { Report } from "./model";
import type { Locate } from "./sarif";

function esc(s: string): string {
  return (
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // XML 1.0 forbids most control characters.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}

/** Renders the report as JUnit XML. */
export function renderJunit(report: Report, locate?: Locate): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const policies = report.policies.filter((p) => p.enforcementLevel !== "disabled");
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const p of policies) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const r of report.resources) {
      const hits = report.violations.filter((v) => v.policy === p.name && v.urn === r.urn);
      const mandatory = hits.filter((v) => v.level === "mandatory");
      const at = locate?.(r.urn);
      const where = at ? ` file="${esc(at.file)}" line="${at.line}"` : "";
      const attrs = `name="${esc(`${r.name} (${r.type})`)}" classname="${esc(p.name)}"${where}`;
      if (hits.length === 0) {
        cases.push(`    <testcase ${attrs}/>`);
        continue;
      }
      const body: string[] = [];
      if (mandatory.length > 0) {
        suiteFailures++;
        const msg = mandatory.map((v) => v.message).join("; ");
        body.push(`      <failure message="${esc(msg)}" type="mandatory">${esc(r.urn)}</failure>`);
      }
      const advisory = hits.filter((v) => v.level === "advisory");
      if (advisory.length > 0) {
        body.push(
          `      <system-out>${esc(advisory.map((v) => `advisory: ${v.message}`).join("\n"))}</system-out>`,
        );
      }
      cases.push(`    <testcase ${attrs}>`, ...body, "    </testcase>");
    }
    tests += report.resources.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${esc(p.name)}" tests="${report.resources.length}" failures="${suiteFailures}" errors="0" skipped="0">`,
      ...cases,
      "  </testsuite>",
    );
  }
  lines.push(
    `<testsuites name="paved check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    "</testsuites>",
  );
  return lines.join("\n") + "\n";
}
