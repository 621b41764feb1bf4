/**
 * `paved check`: run a program under mocks (or read a stack export), then run
 * the policy pack over every resource through the analyzer protocol.
 *
 * By default the pack's handlers load into this process after the program
 * ran (the same analyzer client and handlers, no socket: see cli/README.md
 * for the measured trade-off). With `--transport process` the pack process
 * starts first and boots while the program runs.
 */
import * as fs from "fs";
import * as path from "path";
import { EXIT, TimeoutError, UsageError } from "../errors";
import type { CheckResource } from "../engine/resource";
import type { PolicyAnalyzer } from "../engine/policy";
import type { NotChecked } from "../engine/manifests";
import type { Report, Target } from "../report/model";
import { findBundledPack, resolvePolicyConfig } from "./pack-options";
import { status, timer, writeOutput } from "./io";
import { assertUnchanged, chooseInputs, describeInputs, type CheckInputs } from "./inputs";

/** The report formats `paved check` writes. */
export type ReportFormat = "text" | "json" | "sarif" | "junit" | "markdown";

/** A `--report <format>=<file>` value: one more report of the same run, written to a file. */
export interface ReportRequest {
  readonly format: ReportFormat;
  readonly file: string;
}

/** The options commander hands the command. */
export interface CheckOptions {
  state?: string;
  stack?: string;
  policyPack?: string;
  policyConfig?: string;
  exemptions?: string;
  format: ReportFormat;
  output?: string;
  /** More reports of the same run, each written to its file (`--report <format>=<file>`). */
  report?: readonly ReportRequest[];
  preview?: boolean;
  concurrency: number;
  transport: "process" | "in-process";
  color: boolean;
  verbose?: boolean;
  /** Seconds the whole check may take (program and policy analysis). @default 120 */
  timeout?: number;
  /** A program that registers no resource is an error (exit 2), not a warning. */
  requireResources?: boolean;
  /** `<stack-name>=<file>` answers for StackReferences. */
  stackReference?: string[];
}

/** Rejects with a {@link TimeoutError} naming `phase` when `p` takes longer than `ms`. */
function within<T>(p: Promise<T>, ms: number, phase: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TimeoutError(
            `timed out after ${Math.round(ms / 100) / 10} s in ${phase} (--timeout <seconds> to allow longer)`,
            phase,
          ),
        ),
      Math.max(0, ms),
    );
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function readStateText(file: string): string {
  if (file === "-") {
    try {
      return fs.readFileSync(0, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read the state from stdin: ${(e as Error).message}`);
    }
  }
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read state file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Runs the check; returns the exit code. */
export async function runCheck(dir: string | undefined, opts: CheckOptions): Promise<number> {
  const t = timer(Boolean(opts.verbose));
  const progress = status();
  t.mark("start");
  const timeoutMs = (opts.timeout ?? 120) * 1000;
  const deadline = Date.now() + timeoutMs;
  if (dir && opts.state) throw new UsageError("give a program directory or --state, not both");
  assertDistinctFiles(opts);
  if (!dir && !opts.state) throw new UsageError("missing the program directory (or --state <file|->)");

  const packDir = path.resolve(opts.policyPack ?? findBundledPack());
  if (!fs.existsSync(path.join(packDir, "PulumiPolicy.yaml"))) {
    throw new UsageError(`not a policy pack: ${opts.policyPack ?? packDir} has no PulumiPolicy.yaml`);
  }

  let resources: CheckResource[];
  let target: Target;
  let analyzerPromise: Promise<PolicyAnalyzer>;
  const { startPolicyPack } = await import("../engine/pack");
  let artifact: string;
  let inputs: CheckInputs;
  let notChecked: readonly NotChecked[] = [];

  if (opts.state) {
    const { parseState } = await import("../engine/state");
    const snapshot = parseState(readStateText(opts.state), opts.state === "-" ? "stdin" : opts.state);
    inputs = chooseInputs({
      policyConfig: opts.policyConfig,
      exemptions: opts.exemptions,
      packDir,
      stack: snapshot.stack,
    });
    warnOverridden(inputs);
    const config = resolvePolicyConfig({ file: inputs.policyConfig?.file, packDir, stack: snapshot.stack });
    analyzerPromise = startPolicyPack({
      packDir,
      config,
      exemptionsFile: inputs.exemptions?.file,
      stackConfig: {},
      transport: opts.transport,
      concurrency: opts.concurrency,
    });
    resources = snapshot.resources;
    target = { kind: "state", path: opts.state, project: snapshot.project, stack: snapshot.stack };
    artifact = opts.state === "-" ? "stdin" : toUri(opts.state);
  } else {
    const { loadProject } = await import("../project");
    const project = loadProject(dir as string, opts.stack);
    // Decided here, before the program runs: the program can neither change nor see them.
    inputs = chooseInputs({
      policyConfig: opts.policyConfig,
      exemptions: opts.exemptions,
      packDir,
      stack: project.stack,
      declared: project.config["paved:policyConfig"],
      projectDir: project.dir,
    });
    warnOverridden(inputs);
    const config = resolvePolicyConfig({ file: inputs.policyConfig?.file, packDir, stack: project.stack });
    const startPack = () =>
      startPolicyPack({
        packDir,
        config,
        exemptionsFile: inputs.exemptions?.file,
        stackConfig: project.config,
        secretKeys: project.secretKeys,
        transport: opts.transport,
        concurrency: opts.concurrency,
      });
    // The program starts first, in its own process; the pack loads here while it runs.
    const { readStackReference, runProgram } = await import("../engine/run");
    const stackReferences = Object.fromEntries((opts.stackReference ?? []).map(readStackReference));
    progress.update(`paved: running ${project.name} (stack ${project.stack}) under mocks...`);
    const stopProgram = new AbortController();
    const running = runProgram(project, {
      stackReferences,
      preview: opts.preview,
      stackTraces: Boolean(opts.verbose),
      timeoutMs,
      signal: stopProgram.signal,
    });
    // Awaited below; meanwhile a rejection must not be reported as unhandled.
    running.catch(() => undefined);
    const early = startPack();
    // A pack that fails to load is reported as soon as it fails: the program is stopped, not waited
    // for (it may run for minutes), and its own outcome does not matter: the check cannot run.
    early.catch((e: unknown) => stopProgram.abort(e));
    try {
      const run = await running;
      t.mark("program");
      for (const w of run.warnings) {
        // Unknown StackReference outputs change what is checked: always said.
        if (opts.verbose || w.startsWith("StackReference ")) process.stderr.write(`paved: warning: ${w}\n`);
      }
      resources = run.resources;
      notChecked = run.notChecked;
    } catch (e) {
      progress.done();
      // The pack's error comes first, whatever the program did (it may have failed too), so the
      // same invocation always reports the same error.
      const packError = await early.then(
        (a) =>
          a.close().then(
            () => undefined,
            () => undefined,
          ),
        (packFailure: unknown) => packFailure,
      );
      throw packError ?? e;
    }
    const checked = resources.filter((r) => r.type !== "pulumi:pulumi:Stack").length;
    if (checked === 0) {
      const why =
        `the program ${project.name} registered no resources: there is nothing to check ` +
        "(an exported function that is never called, or resources created only on a condition?)";
      if (opts.requireResources) {
        await early.then((a) => a.close()).catch(() => undefined);
        throw new UsageError(`${why}; --require-resources makes this an error`);
      }
      process.stderr.write(`paved: warning: ${why}\n`);
    }
    analyzerPromise = early;

    target = { kind: "program", path: dir as string, project: project.name, stack: project.stack };
    artifact = toUri(path.relative(process.cwd(), project.entry));
  }

  progress.update("paved: waiting for the policy pack...");
  let analyzer: PolicyAnalyzer;
  try {
    analyzer = await within(analyzerPromise, deadline - Date.now(), "starting the policy pack");
  } finally {
    progress.done();
  }
  t.mark("pack ready");
  try {
    assertUnchanged(inputs);
  } catch (e) {
    await analyzer.close();
    throw e;
  }
  let report: Report;
  try {
    const { analyzeAll } = await import("../engine/policy");
    const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
    const findings = await within(
      analyzeAll(analyzer, resources, stackUrn, {
        progress: (done, total) => {
          if (done % 25 === 0) progress.update(`paved: analysed ${done}/${total} resources`);
        },
      }),
      deadline - Date.now(),
      "policy analysis",
    );
    progress.done();
    t.mark("analysis");
    // What the pack could not read is said, never passed silently.
    const { notCheckedFindings, secretFindings } = await import("../engine/secrets");
    // (A program's secure: config values; a stack export's secrets are the state reader's to describe.)
    if (target.kind === "program") findings.push(...secretFindings(resources));
    findings.push(...notCheckedFindings(notChecked));
    const { buildReport } = await import("../report/model");
    const { PAVED_VERSION } = await import("../../components/core/version");
    report = buildReport({
      version: PAVED_VERSION,
      target,
      pack: { name: analyzer.packName, version: analyzer.packVersion },
      policies: analyzer.policies,
      resources,
      findings,
    });
  } finally {
    await analyzer.close();
    t.mark("pack closed");
  }

  const located = new Map(
    resources.flatMap((r) =>
      r.source
        ? [
            [
              r.urn,
              { file: toUri(path.relative(process.cwd(), r.source.file)), line: r.source.line },
            ] as const,
          ]
        : [],
    ),
  );
  const locate = located.size > 0 ? (urn: string) => located.get(urn) : undefined;
  // Every report comes from this one run, so they hold the same findings.
  const outputs = [{ format: opts.format, file: opts.output }, ...(opts.report ?? [])];
  // The Markdown summary folds in the topology (Mermaid), when the program has a network or a namespace.
  const mermaid = outputs.some((o) => o.format === "markdown") ? await topologyMermaid(resources) : undefined;
  const described = { ...report, inputs: describeInputs(inputs) };
  for (const o of outputs) {
    // Colour only on a terminal, never in a file.
    const colour = opts.color && o.file === undefined;
    writeOutput(await render(described, o.format, colour, artifact, locate, mermaid), o.file);
  }
  t.mark("report");
  return report.summary.passed ? EXIT.ok : EXIT.violations;
}

/** The topology as Mermaid, or undefined when there is nothing to draw. */
async function topologyMermaid(resources: readonly CheckResource[]): Promise<string | undefined> {
  const { buildTopology } = await import("../diagram/topology");
  const topology = buildTopology(resources);
  if (topology.networks.length === 0 && (topology.namespaces ?? []).length === 0) return undefined;
  return (await import("../diagram/mermaid")).renderMermaid(topology);
}

/** A path as a SARIF artifact URI: forward slashes, relative to the working directory. */
function toUri(p: string): string {
  return p.split(path.sep).join("/");
}

function warnOverridden(inputs: CheckInputs): void {
  for (const o of inputs.overridden) {
    process.stderr.write(`paved: PAVED_POLICY_CONFIG pins the policy config; ignoring ${o}\n`);
  }
}

/** The JSON report with the inputs it was decided with (the json writer's document, plus `inputs`). */
function withInputs(
  json: string,
  inputs: readonly string[],
  at: (doc: Record<string, unknown>) => Record<string, unknown>,
): string {
  const doc = JSON.parse(json) as Record<string, unknown>;
  at(doc).inputs = inputs;
  return JSON.stringify(doc, null, 2) + "\n";
}

/** Two reports must not write one file (the last would silently replace the other). */
function assertDistinctFiles(opts: CheckOptions): void {
  const seen = new Map<string, string>();
  const named = [
    ...(opts.output === undefined ? [] : [{ flag: "--output", file: opts.output }]),
    ...(opts.report ?? []).map((r) => ({ flag: `--report ${r.format}=${r.file}`, file: r.file })),
  ];
  for (const { flag, file } of named) {
    const key = path.resolve(file);
    const first = seen.get(key);
    if (first)
      throw new UsageError(`${first} and ${flag} write the same file; give each report its own file`);
    seen.set(key, flag);
  }
}

async function render(
  report: Report & { inputs: readonly string[] },
  format: ReportFormat,
  colour: boolean,
  artifact: string,
  locate?: (urn: string) => { file: string; line: number } | undefined,
  mermaid?: string,
): Promise<string> {
  switch (format) {
    case "text": {
      const { renderText, wantsColour } = await import("../report/text");
      return renderText(report, colour && wantsColour(process.stdout), locate);
    }
    case "json":
      return withInputs((await import("../report/json")).renderJson(report), report.inputs, (d) => d);
    case "sarif":
      return withInputs(
        (await import("../report/sarif")).renderSarif(report, artifact, locate),
        report.inputs,
        (d) => ((d.runs as Record<string, unknown>[])[0].properties ??= {}) as Record<string, unknown>,
      );
    case "junit":
      return (await import("../report/junit")).renderJunit(report, locate);
    case "markdown":
      return (await import("../report/markdown")).renderMarkdown(report, { locate, mermaid });
    default: {
      const never: never = format;
      throw new UsageError(`unknown format ${String(never)}`);
    }
  }
}
