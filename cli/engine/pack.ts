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
  /** Analyze calls in flight at once. @default 64 */
  readonly concurrency?: number;
}

function severity(s: string | undefined): Severity {
  return s === "low" || s === "medium" || s === "high" || s === "critical" ? s : "unspecified";
}

interface ProviderRecord {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/**
 * A package's default provider as the engine would pass it: its inputs are the
 * stack's `<package>:*` config (`aws:region`, `aws:defaultTags`). Mocks never
 * register default providers, so this stands in for them.
 */
export function defaultProvider(
  pkg: string,
  stackConfig: Readonly<Record<string, string>>,
  stackUrn: string,
): ProviderRecord {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stackConfig)) {
    if (!key.startsWith(`${pkg}:`)) continue;
    let v: unknown = value;
    if (/^[[{]/.test(value)) {
      try {
        v = JSON.parse(value);
      } catch {
        // keep the string
      }
    }
    inputs[key.slice(pkg.length + 1)] = v;
  }
  const [prefix = "", project = ""] = stackUrn.split("::");
  const name = "default";
  return {
    type: `pulumi:providers:${pkg}`,
    urn: `${prefix}::${project}::pulumi:providers:${pkg}::${name}`,
    name,
    inputs,
  };
}

/** Resolves each resource's provider: an explicit one from the records, else the package's default. */
export function providerResolver(
  resources: readonly CheckResource[],
  stackConfig: Readonly<Record<string, string>>,
): (r: CheckResource) => ProviderRecord | undefined {
  const providers = new Map(
    resources.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r] as const),
  );
  const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? resources[0]?.urn ?? "";
  const defaults = new Map<string, ProviderRecord>();
  return (r) => {
    if (!r.custom || r.type.startsWith("pulumi:")) return undefined;
    if (r.provider) {
      const urn = r.provider.slice(0, r.provider.lastIndexOf("::"));
      const p = providers.get(urn);
      if (p) return { type: p.type, urn: p.urn, name: p.name, inputs: p.properties };
    }
    const pkg = r.type.split(":")[0];
    let d = defaults.get(pkg);
    if (!d) {
      d = defaultProvider(pkg, stackConfig, stackUrn);
      defaults.set(pkg, d);
    }
    return d;
  };
}

/** The record shape the client sends: inputs as the resource's properties, with its provider. */
export function analyzerRecord(
  r: CheckResource,
  provider?: (r: CheckResource) => ProviderRecord | undefined,
) {
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    inputs: r.properties,
    parent: r.parent,
    dependencies: r.dependencies,
    providerResource: provider?.(r),
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
      transport: opts.transport,
      concurrency: opts.concurrency,
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
  if (opts.exemptionsFile) {
    try {
      const { checkExemptionsFile } = await import("../commands/pack-options");
      checkExemptionsFile(
        opts.exemptionsFile,
        info.policies.map((p) => p.name),
      );
    } catch (e) {
      await analyzer.close();
      throw e;
    }
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
  let provider: ((r: CheckResource) => ProviderRecord | undefined) | undefined;
  // One record per resource: the client caches each record's protobuf Struct by identity,
  // so Analyze and AnalyzeStack share the conversion.
  const records = new WeakMap<CheckResource, ReturnType<typeof analyzerRecord>>();
  const recordOf = (r: CheckResource) => {
    let rec = records.get(r);
    if (!rec) {
      rec = analyzerRecord(r, provider);
      records.set(r, rec);
    }
    return rec;
  };
  return {
    packName: info.name,
    packVersion: info.version,
    policies,
    prepare(resources) {
      provider = providerResolver(resources, opts.stackConfig);
    },
    async analyze(rs, progress) {
      // One call for all: the client pipelines them (a bounded window in flight).
      return (await analyzer.analyzeEach(rs.map(recordOf), progress)).map((vs) => vs.map(diag));
    },
    async analyzeStack(rs) {
      return (await analyzer.analyzeStack(rs.map(recordOf))).map(diag);
    },
    close: () => analyzer.close(),
  };
}
