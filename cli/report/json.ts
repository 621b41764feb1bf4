/** `--format json`: the machine-readable report. */
import type { Report } from "./model";

/** The JSON document: `{ violations, exemptions, summary, resources }` plus what was checked. */
export function renderJson(report: Report): string {
  const doc = {
    tool: report.tool,
    target: report.target,
    pack: report.pack,
    violations: report.violations.map((v) => ({
      policy: v.policy,
      level: v.level,
      severity: v.severity,
      urn: v.urn,
      message: v.message,
      resourceName: v.resourceName,
      resourceType: v.resourceType,
    })),
    exemptions: report.exemptions,
    summary: report.summary,
    // Every resource checked (the stack itself left out) and its parent, the stack's URN for a
    // top-level resource: what the real-engine parity tests compare.
    resources: report.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
