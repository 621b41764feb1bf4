/**
 * Adapts the pack client (./analyzer.ts: the pack served as an analyzer
 * process over gRPC, as the engine runs it) to the CLI's {@link PolicyAnalyzer}.
 */
import { PolicyPackError, UsageError } from "../errors";
import type { CheckResource } from "./resource";
import type { Diagnostic, EnforcementLevel, PolicyAnalyzer, PolicyInfo, Severity } from "./policy";

/** How `paved check` starts the pack. */
export interface PackStartOptions {
  readonly packDir: string;
  /** Pack config (policy name or `all` to a level or `{ enforcementLevel, ...settings }`). */
  readonly config?: Record<string, unknown>;
  /** An exemptions file for the pack. */
  readonly exemptionsFile?: string;
  /** The stack config the pack sees as the engine would hand it (PULUMI_CONFIG). */
  readonly stackConfig: Readonly<Record<string, string>>;
  readonly secretKeys?: readonly string[];
  /**
   * `process`: the pack in its own process over gRPC, as the engine runs it.
   * `in-process`: the same handlers loaded into this process (no socket, no
   * second process). @default "process"
   */
  readonly transport?: "process" | "in-process";
}

function severity(s: string | undefined): Severity {
  return s === "low" || s === "medium" || s === "high" || s === "critical" ? s : "unspecified";
}

/** The record shape the client sends: inputs as the resource's properties. */
function record(r: CheckResource) {
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    inputs: r.properties,
    parent: r.parent,
    dependencies: r.dependencies,
  };
}

/** The SDK sends `<description>\n<finding>`; the reports show the description apart. */
export function findingText(message: string, description: string): string {
  const m = message.trim();
  if (description && m.startsWith(`${description}\n`)) return m.slice(description.length + 1).trim();
  return m;
}

/** Starts the pack process and configures it. Rejects with a one-line error when it cannot. */
export async function startPolicyPack(opts: PackStartOptions): Promise<PolicyAnalyzer> {
  const { startAnalyzer } = await import("./analyzer");
  let analyzer: Awaited<ReturnType<typeof startAnalyzer>>;
  try {
    analyzer = await startAnalyzer({
      packDir: opts.packDir,
      config: opts.config as Parameters<typeof startAnalyzer>[0]["config"],
      stackConfig: opts.stackConfig,
      exemptionsFile: opts.exemptionsFile,
      env: opts.secretKeys?.length
        ? { PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(opts.secretKeys) }
        : undefined,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // A refused pack config is the user's input; a pack that will not start is the pack's problem.
    if (e instanceof Error && e.name === "PackConfigError") {
      const problems = (e as Error & { problems?: readonly string[] }).problems ?? [msg];
      throw new UsageError(`policy config refused: ${problems.join("; ")}`);
    }
    throw new PolicyPackError(`the policy pack in ${opts.packDir} failed: ${msg.split("\n")[0]}`, e);
  }
  let info;
  try {
    info = await analyzer.info();
  } catch (e) {
    await analyzer.close();
    throw new PolicyPackError(`the policy pack in ${opts.packDir} did not describe itself: ${String(e)}`, e);
  }
  const policies: PolicyInfo[] = info.policies.map((p) => ({
    name: p.name,
    description: p.description,
    enforcementLevel: p.enforcementLevel as EnforcementLevel,
    severity: severity(p.severity),
    remediationSteps: p.remediationSteps || undefined,
  }));
  const diag = (v: Awaited<ReturnType<typeof analyzer.analyze>>[number]): Diagnostic => ({
    policyName: v.policyName,
    policyPackName: v.policyPackName,
    policyPackVersion: v.policyPackVersion,
    description: v.description,
    message: findingText(v.message, v.description),
    enforcementLevel: v.enforcementLevel,
    severity: severity(v.severity),
    urn: v.urn || undefined,
  });
  return {
    packName: info.name,
    packVersion: info.version,
    policies,
    async analyze(r) {
      return (await analyzer.analyze([record(r)])).map(diag);
    },
    async analyzeStack(rs) {
      return (await analyzer.analyzeStack(rs.map(record))).map(diag);
    },
    close: () => analyzer.close(),
  };
}
