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
import { EXIT, UsageError } from "../errors";
import type { CheckResource } from "../engine/resource";
import type { PolicyAnalyzer } from "../engine/policy";
import type { Report, Target } from "../report/model";
import { findBundledPack, resolvePolicyConfig } from "./pack-options";
import { status, timer, writeOutput } from "./io";

/** The options commander hands the command. */
export interface CheckOptions {
  state?: string;
  stack?: string;
  policyPack?: string;
  policyConfig?: string;
  exemptions?: string;
  format: "text" | "json" | "sarif" | "junit";
  output?: string;
  preview?: boolean;
  concurrency: number;
  transport: "process" | "in-process";
  color: boolean;
  verbose?: boolean;
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
  if (dir && opts.state) throw new UsageError("give a program directory or --state, not both");
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

  if (opts.state) {
    const { parseState } = await import("../engine/state");
    const snapshot = parseState(readStateText(opts.state), opts.state === "-" ? "stdin" : opts.state);
    const config = resolvePolicyConfig({ file: opts.policyConfig, packDir, stack: snapshot.stack });
    analyzerPromise = startPolicyPack({
      packDir,
      config,
      exemptionsFile: opts.exemptions,
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
    const config = resolvePolicyConfig({
      file: opts.policyConfig,
      packDir,
      stack: project.stack,
      declared: project.config["paved:policyConfig"],
      projectDir: project.dir,
    });
    const startPack = () =>
      startPolicyPack({
        packDir,
        config,
        exemptionsFile: opts.exemptions,
        stackConfig: project.config,
        secretKeys: project.secretKeys,
        transport: opts.transport,
        concurrency: opts.concurrency,
      });
    // A pack process boots now, while the program runs; an in-process pack loads after it.
    const early = opts.transport === "process" ? startPack() : undefined;
    // A failed program must not leave the pack process behind.
    early?.catch(() => undefined);
    const { runProgram } = await import("../engine/run");
    progress.update(`paved: running ${project.name} (stack ${project.stack}) under mocks...`);
    try {
      const run = await runProgram(project, { preview: opts.preview, stackTraces: Boolean(opts.verbose) });
      t.mark("program");
      for (const w of run.warnings) if (opts.verbose) process.stderr.write(`paved: warning: ${w}\n`);
      resources = run.resources;
    } catch (e) {
      progress.done();
      await early?.then((a) => a.close()).catch(() => undefined);
      throw e;
    }
    analyzerPromise = early ?? startPack();
    target = { kind: "program", path: dir as string, project: project.name, stack: project.stack };
    artifact = toUri(path.relative(process.cwd(), project.entry));
  }

  progress.update("paved: waiting for the policy pack...");
  let analyzer: PolicyAnalyzer;
  try {
    analyzer = await analyzerPromise;
  } finally {
    progress.done();
  }
  t.mark("pack ready");
  let report: Report;
  try {
    const { analyzeAll } = await import("../engine/policy");
    const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
    const findings = await analyzeAll(analyzer, resources, stackUrn, {
      progress: (done, total) => {
        if (done % 25 === 0) progress.update(`paved: analysed ${done}/${total} resources`);
      },
    });
    progress.done();
    t.mark("analysis");
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

  const text = await render(report, opts, artifact);
  writeOutput(text, opts.output);
  t.mark("report");
  return report.summary.passed ? EXIT.ok : EXIT.violations;
}

/** A path as a SARIF artifact URI: forward slashes, relative to the working directory. */
function toUri(p: string): string {
  return p.split(path.sep).join("/");
}

async function render(report: Report, opts: CheckOptions, artifact: string): Promise<string> {
  switch (opts.format) {
    case "text": {
      const { renderText, wantsColour } = await import("../report/text");
      return renderText(report, opts.color && !opts.output && wantsColour(process.stdout));
    }
    case "json":
      return (await import("../report/json")).renderJson(report);
    case "sarif":
      return (await import("../report/sarif")).renderSarif(report, artifact);
    case "junit":
      return (await import("../report/junit")).renderJunit(report);
    default: {
      const never: never = opts.format;
      throw new UsageError(`unknown format ${String(never)}`);
    }
  }
}
