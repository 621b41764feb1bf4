/**
 * The CLI's thin view of a policy pack served as an analyzer. The transport
 * (the pack process and its gRPC client) lives in ./analyzer.ts; this file
 * holds the shapes the CLI needs and the fan-out over resources.
 */
import type { CheckResource } from "./resource";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical" | "unspecified";

/** One diagnostic as the pack returned it. */
export interface Diagnostic {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion?: string;
  readonly description?: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: Severity;
  /** The blamed resource, for stack policies (empty for resource policies: the analysed resource). */
  readonly urn?: string;
}

/** What the pack says about one of its policies (GetAnalyzerInfo). */
export interface PolicyInfo {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: Severity;
  readonly remediationSteps?: string;
  readonly url?: string;
}

/** A running pack. */
export interface PolicyAnalyzer {
  readonly packName: string;
  readonly packVersion: string;
  /** The pack's policies, with the effective levels after config. */
  readonly policies: readonly PolicyInfo[];
  /** Sees every resource before the first Analyze (to resolve each one's provider). */
  prepare?(resources: readonly CheckResource[]): void;
  /** Analyzes the resources (pipelined); one list of diagnostics per resource, in order. */
  analyze(resources: readonly CheckResource[], progress?: (done: number) => void): Promise<Diagnostic[][]>;
  analyzeStack(resources: readonly CheckResource[]): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

/** How to start one. */
export interface StartAnalyzerOptions {
  /** The pack directory (PulumiPolicy.yaml). */
  readonly packDir: string;
  /** The pack config (policy name to level or `{ enforcementLevel, ...config }`). */
  readonly config?: Record<string, unknown>;
}

/** A diagnostic tied to the resource it concerns. */
export interface Finding extends Diagnostic {
  /** The offending resource: the analysed one, or the one a stack policy blamed. */
  readonly resourceUrn: string;
  /** False for stack-policy findings that blamed no resource. */
  readonly blamed: boolean;
}

/** Progress callback: `done` of `total` resources analysed. */
export type Progress = (done: number, total: number) => void;

/**
 * Analyze per resource (in one pipelined batch: the transport bounds what is
 * in flight), then AnalyzeStack once; returns the findings in a stable order.
 */
export async function analyzeAll(
  analyzer: PolicyAnalyzer,
  resources: readonly CheckResource[],
  stackUrn: string,
  opts: { progress?: Progress } = {},
): Promise<Finding[]> {
  analyzer.prepare?.(resources);
  const targets = resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
  // A resource read from state carries its recorded outputs: checked as a second view of it.
  const views: { index: number; view: CheckResource }[] = [];
  targets.forEach((r, index) => {
    const recorded = (r as { recorded?: Record<string, unknown> }).recorded;
    if (recorded) views.push({ index, view: { ...r, properties: recorded } });
  });
  const all = views.length > 0 ? [...targets, ...views.map((v) => v.view)] : targets;
  const diags = await analyzer.analyze(all, (done) =>
    opts.progress?.(Math.min(done, targets.length), targets.length),
  );
  const perResource = targets.map((r, i) =>
    diags[i].map((d) => ({ ...d, resourceUrn: d.urn || r.urn, blamed: true })),
  );
  views.forEach(({ index }, k) => {
    perResource[index] = mergeViews(perResource[index], diags[targets.length + k], targets[index].urn);
  });
  // As the engine does: AnalyzeStack after every Analyze (the exemption ledger reports what they waived).
  const stackDiags = await analyzer.analyzeStack(resources);
  const stackFindings = stackDiags.map((d) => ({
    ...d,
    resourceUrn: d.urn || stackUrn,
    blamed: Boolean(d.urn),
  }));
  return [...perResource.flat(), ...stackFindings];
}

const key = (d: Diagnostic) => `${d.policyName}\u0000${d.message}`;

/** `<first line> (where)`, keeping any later lines (an exemption note) after it. */
function said(message: string, where: string): string {
  const nl = message.indexOf("\n");
  return nl < 0 ? `${message} ${where}` : `${message.slice(0, nl)} ${where}${message.slice(nl)}`;
}

/**
 * One resource's findings from its declared inputs and its recorded outputs:
 * a finding both show is reported once; one only a view shows says which.
 */
function mergeViews(inputs: Finding[], recorded: readonly Diagnostic[], urn: string): Finding[] {
  const fromOutputs = new Set(recorded.map(key));
  const fromInputs = new Set(inputs.map(key));
  return [
    ...inputs.map((f) =>
      fromOutputs.has(key(f)) ? f : { ...f, message: said(f.message, "(in the declared inputs)") },
    ),
    ...recorded
      .filter((d) => !fromInputs.has(key(d)))
      .map((d) => ({
        ...d,
        message: said(d.message, "(in the recorded outputs)"),
        resourceUrn: d.urn || urn,
        blamed: true,
      })),
  ];
}
