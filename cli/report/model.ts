/**
 * The report every output format renders: violations with their effective
 * level, the exemptions used, and a summary. Pure.
 */
import type { CheckResource } from "../engine/resource";
import type { EnforcementLevel, Finding, PolicyInfo, Severity } from "../engine/policy";
import { compareText } from "../../components/core/order";

/** The effective level a finding counts at. */
export type Level = "mandatory" | "advisory";

/** One violation, as the JSON output writes it (plus context for the other formats). */
export interface Violation {
  readonly policy: string;
  readonly level: Level;
  readonly severity: Severity;
  /** The offending resource's URN (for stack policies, the URN the policy blamed). */
  readonly urn: string;
  readonly message: string;
  readonly resourceName: string;
  readonly resourceType: string;
  readonly description?: string;
  readonly pack: string;
}

/** An exemption the pack applied: a violation turned into an advisory note. */
export interface ExemptionUse {
  readonly policy: string;
  /** The resource whose finding was waived. */
  readonly urn: string;
  /** The finding that was waived. */
  readonly message: string;
  readonly ticket: string;
  readonly owner: string;
  readonly expires: string;
  readonly reason: string;
}

/** What was checked. */
export interface Target {
  readonly kind: "program" | "state";
  /** The program directory or state file (`-` for stdin). */
  readonly path: string;
  readonly project?: string;
  readonly stack?: string;
}

export interface Summary {
  readonly resources: number;
  readonly policies: number;
  readonly violations: number;
  readonly mandatory: number;
  readonly advisory: number;
  readonly exemptions: number;
  /** True when no mandatory violation: exit 0. */
  readonly passed: boolean;
}

export interface Report {
  readonly tool: { readonly name: "paved"; readonly version: string };
  readonly target: Target;
  readonly pack: { readonly name: string; readonly version: string };
  readonly policies: readonly PolicyInfo[];
  /**
   * Every resource checked (the stack resource excluded), for per-resource formats, with its
   * parent's URN: the stack's for a top-level resource, the component's for one inside a component.
   */
  readonly resources: readonly {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent?: string;
  }[];
  readonly violations: readonly Violation[];
  readonly exemptions: readonly ExemptionUse[];
  readonly summary: Summary;
}

/** Severities from worst to least, for sorting and grouping. */
export const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low", "unspecified"];

/** How a pack level counts in a check: remediate reports what is still wrong as mandatory. */
export function effectiveLevel(level: EnforcementLevel): Level | undefined {
  switch (level) {
    case "mandatory":
    case "remediate":
      return "mandatory";
    case "advisory":
      return "advisory";
    case "disabled":
      return undefined;
    default: {
      const never: never = level;
      throw new Error(`unknown enforcement level ${String(never)}`);
    }
  }
}

/**
 * The note the bundled pack appends to a waived finding, reported at advisory
 * level (policies/lib/sdk.ts): `<finding>\n(exempted by <ticket>, owner <owner>, until <date>: <reason>)`.
 */
const EXEMPTED = /^([\s\S]*?)\s*\(exempted by ([^,]+), owner ([^,]+), until ([^:]+): ([\s\S]*)\)\s*$/;

/** Parses a waived finding; undefined for any other finding. */
export function parseExemptionNote(
  f: Pick<Finding, "message" | "enforcementLevel" | "policyName" | "resourceUrn">,
): ExemptionUse | undefined {
  if (f.enforcementLevel !== "advisory") return undefined;
  const m = EXEMPTED.exec(f.message);
  if (!m) return undefined;
  return {
    policy: f.policyName,
    urn: f.resourceUrn,
    message: m[1].trim(),
    ticket: m[2].trim(),
    owner: m[3].trim(),
    expires: m[4].trim(),
    reason: m[5].trim(),
  };
}

/**
 * The ledger policy's advisory "exemption ... waived N finding(s)" notes
 * repeat what the waived findings already say; the report lists the
 * exemptions once, from those. Its mandatory findings (malformed or expired
 * entries) stay violations.
 */
function isLedgerNote(f: Pick<Finding, "policyName" | "enforcementLevel" | "message">): boolean {
  return (
    f.policyName === "paved-exemptions" &&
    f.enforcementLevel === "advisory" &&
    /^exemption .* waived /.test(f.message)
  );
}

function nameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

function typeOf(urn: string): string {
  const t = urn.split("::")[2] ?? "";
  return t.split("$").pop() ?? t;
}

/** Builds the report from the pack's findings. */
export function buildReport(input: {
  version: string;
  target: Target;
  pack: { name: string; version: string };
  policies: readonly PolicyInfo[];
  resources: readonly CheckResource[];
  findings: readonly Finding[];
}): Report {
  const byUrn = new Map(input.resources.map((r) => [r.urn, r]));
  const policyByName = new Map(input.policies.map((p) => [p.name, p]));
  const violations: Violation[] = [];
  const exemptions: ExemptionUse[] = [];
  for (const f of input.findings) {
    const exempted = parseExemptionNote(f);
    if (exempted) {
      exemptions.push(exempted);
      continue;
    }
    if (isLedgerNote(f)) continue;
    const level = effectiveLevel(f.enforcementLevel);
    if (!level) continue;
    const r = byUrn.get(f.resourceUrn);
    const info = policyByName.get(f.policyName);
    const severity: Severity =
      f.severity && f.severity !== "unspecified" ? f.severity : (info?.severity ?? "unspecified");
    violations.push({
      policy: f.policyName,
      level,
      severity,
      urn: f.resourceUrn,
      message: f.message,
      resourceName: r?.name ?? nameOf(f.resourceUrn),
      resourceType: r?.type ?? typeOf(f.resourceUrn),
      description: f.description || info?.description,
      pack: f.policyPackName,
    });
  }
  violations.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      compareText(a.policy, b.policy) ||
      compareText(a.urn, b.urn) ||
      compareText(a.message, b.message),
  );
  exemptions.sort((a, b) => compareText(a.policy, b.policy) || compareText(a.urn, b.urn));
  const checked = input.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
  const mandatory = violations.filter((v) => v.level === "mandatory").length;
  return {
    tool: { name: "paved", version: input.version },
    target: input.target,
    pack: input.pack,
    policies: input.policies,
    resources: checked.map((r) => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent })),
    violations,
    exemptions,
    summary: {
      resources: checked.length,
      policies: input.policies.filter((p) => p.enforcementLevel !== "disabled").length,
      violations: violations.length,
      mandatory,
      advisory: violations.length - mandatory,
      exemptions: exemptions.length,
      passed: mandatory === 0,
    },
  };
}
