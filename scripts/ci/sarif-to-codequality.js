#!/usr/bin/env node
// Converts paved's SARIF report into a GitLab Code Quality report (the JSON array GitLab's
// `artifacts:reports:codequality` reads), so merge requests show the findings inline.
//
//   node scripts/ci/sarif-to-codequality.js paved-report/paved.sarif > gl-code-quality-report.json
//
// One entry per unsuppressed result: description (policy: message), check_name (the policy),
// fingerprint (stable: policy, resource URN, message), severity (from the result's level and the
// rule's security-severity), location (path and line that constructed the resource).
// Suppressed results (exemptions) are left out: GitLab has no field for them.
"use strict";
const crypto = require("crypto");
const fs = require("fs");

/** GitLab's severities: info, minor, major, critical, blocker. */
function severity(result, rule) {
  const score = Number(rule?.properties?.["security-severity"]);
  if (result.level === "error") {
    if (score >= 9) return "blocker";
    if (score >= 7) return "critical";
    return "major";
  }
  if (result.level === "warning") return score >= 7 ? "major" : "minor";
  return "info";
}

/** The Code Quality issues of a SARIF log. */
function convert(log) {
  const issues = [];
  for (const run of log.runs ?? []) {
    const rules = run.tool?.driver?.rules ?? [];
    for (const result of run.results ?? []) {
      if ((result.suppressions ?? []).length > 0) continue;
      const rule = rules[result.ruleIndex ?? -1] ?? rules.find((r) => r.id === result.ruleId);
      const physical = result.locations?.[0]?.physicalLocation;
      const urn = result.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName ?? "";
      const message = result.message?.text ?? "";
      issues.push({
        type: "issue",
        description: `${result.ruleId}: ${message}`,
        check_name: result.ruleId,
        categories: ["Security"],
        fingerprint: crypto.createHash("sha256").update(`${result.ruleId}\n${urn}\n${message}`).digest("hex"),
        severity: severity(result, rule),
        location: {
          path: physical?.artifactLocation?.uri ?? "Pulumi.yaml",
          lines: { begin: physical?.region?.startLine ?? 1 },
        },
      });
    }
  }
  return issues;
}

module.exports = { convert };

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: sarif-to-codequality.js <paved.sarif>\n");
    process.exit(2);
  }
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    process.stderr.write(`sarif-to-codequality: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(convert(log), null, 2) + "\n");
}
