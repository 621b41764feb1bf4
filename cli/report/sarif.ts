/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning. One rule per
 * policy, one result per violation; the resource is a logical location (its
 * URN) and the program's entry file (or the state file) the physical one.
 */
import type * as sarif from "sarif";
import type { Report, Violation } from "./model";
import type { Severity } from "../engine/policy";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** GitHub's `security-severity` scale (0-10) for a policy severity. */
function securitySeverity(s: Severity): string | undefined {
  switch (s) {
    case "critical":
      return "9.5";
    case "high":
      return "8.0";
    case "medium":
      return "5.5";
    case "low":
      return "3.0";
    case "unspecified":
      return undefined;
    default: {
      const never: never = s;
      throw new Error(`unknown severity ${String(never)}`);
    }
  }
}

function level(v: Pick<Violation, "level">): sarif.Result.level {
  return v.level === "mandatory" ? "error" : "warning";
}

/** Where the program constructed a resource: a path relative to the repo root, and a 1-based line. */
export type Locate = (urn: string) => { readonly file: string; readonly line: number } | undefined;

/**
 * Renders the report as a SARIF log. `artifact` is the file results point at, relative to the repo root,
 * unless `locate` knows the file and line that constructed the resource.
 */
export function renderSarif(report: Report, artifact: string, locate?: Locate): string {
  const physical = (urn: string): sarif.PhysicalLocation => {
    const at = locate?.(urn);
    return { artifactLocation: { uri: at?.file ?? artifact }, region: { startLine: at?.line ?? 1 } };
  };
  const rules: sarif.ReportingDescriptor[] = report.policies.map((p) => {
    const sec = securitySeverity(p.severity);
    const rule: sarif.ReportingDescriptor = {
      id: p.name,
      name: p.name,
      shortDescription: { text: p.description || p.name },
      defaultConfiguration: {
        level:
          p.enforcementLevel === "disabled"
            ? "none"
            : p.enforcementLevel === "advisory"
              ? "warning"
              : "error",
        enabled: p.enforcementLevel !== "disabled",
      },
      properties: {
        severity: p.severity,
        tags: ["security", "pulumi-policy"],
        ...(sec ? { "security-severity": sec } : {}),
      },
    };
    if (p.remediationSteps) rule.help = { text: p.remediationSteps };
    if (p.url) rule.helpUri = p.url;
    return rule;
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Violations of a policy the pack did not list (should not happen) still get a rule.
  for (const v of report.violations) {
    if (!ruleIndex.has(v.policy)) {
      ruleIndex.set(v.policy, rules.length);
      rules.push({ id: v.policy, name: v.policy, shortDescription: { text: v.description || v.policy } });
    }
  }
  const results: sarif.Result[] = report.violations.map((v) => ({
    ruleId: v.policy,
    ruleIndex: ruleIndex.get(v.policy),
    level: level(v),
    message: { text: `${v.resourceName} (${v.resourceType}): ${v.message}` },
    locations: [
      {
        physicalLocation: physical(v.urn),
        logicalLocations: [{ name: v.resourceName, fullyQualifiedName: v.urn, kind: "resource" }],
      },
    ],
    // The URN is stable across runs, so alerts keep their identity between scans.
    partialFingerprints: { "pavedResource/v1": `${v.policy}|${v.urn}` },
    properties: { severity: v.severity, urn: v.urn },
  }));
  // Waived findings stay visible as suppressed results, with the exemption as the justification.
  for (const e of report.exemptions) {
    if (!ruleIndex.has(e.policy)) {
      ruleIndex.set(e.policy, rules.length);
      rules.push({ id: e.policy, name: e.policy, shortDescription: { text: e.policy } });
    }
    const name = e.urn.split("::").slice(3).join("::");
    results.push({
      ruleId: e.policy,
      ruleIndex: ruleIndex.get(e.policy),
      level: "note",
      message: { text: `${name}: ${e.message}` },
      locations: [
        {
          physicalLocation: physical(e.urn),
          logicalLocations: [{ name, fullyQualifiedName: e.urn, kind: "resource" }],
        },
      ],
      partialFingerprints: { "pavedResource/v1": `${e.policy}|${e.urn}` },
      suppressions: [
        {
          kind: "external",
          status: "accepted",
          justification: `${e.ticket} (owner ${e.owner}, until ${e.expires}): ${e.reason}`,
        },
      ],
    });
  }
  const log: sarif.Log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "paved",
            version: report.tool.version,
            rules,
          },
        },
        automationDetails: {
          id: `paved-check/${report.target.project ?? "state"}/${report.target.stack ?? ""}`,
        },
        results,
        properties: { pack: report.pack, summary: report.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
