/**
 * Runs a Pulumi program under the mock engine, as `pulumi preview` would run
 * it, and returns every resource it registered.
 *
 * The program runs in a child process (./child.ts) with its own
 * `process.exit`, `process.env` and stdout (piped to this process's stderr),
 * so nothing it does reaches the checker: the records come back over the IPC
 * channel as JSON, and the verdict, the exit code, the policy config and the
 * exemptions are decided here. A program that hangs or busy-loops is killed
 * at the timeout, and the error names the phase it hung in.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import type { PulumiProject } from "../project";
import { ProgramError, TimeoutError, UsageError } from "../errors";
import type { ChildJob, ChildMessage, ChildRecord, Phase } from "./child";
import type { NotChecked } from "./manifests";
import { CheckResource, normaliseUrn, referencesToIds, SourcePosition } from "./resource";

/** What a program run produced. */
export interface ProgramRun {
  readonly resources: CheckResource[];
  /** The AWS region the data sources answered for. */
  readonly region: string;
  /** Warnings for the user (a missing region, a secret read in plain text). */
  readonly warnings: string[];
  /** Resources whose contents paved cannot see (a Helm release, a remote manifest), and why. */
  readonly notChecked: readonly NotChecked[];
}

/** Options for {@link runProgram}. */
export interface RunOptions {
  /** Run as a preview: the mocks return no ids, so computed outputs are unknown. @default false */
  preview?: boolean;
  /**
   * Keep stack traces on errors raised while the program runs. Off, the SDK's
   * `debuggablePromise` stops formatting a stack for every promise it makes
   * (about 0.1 s for a 100-resource program, a tenth of the run); errors keep
   * their messages, which is all the CLI shows without `--verbose`.
   * Resource source positions are unaffected (the SDK lifts the limit for those).
   * @default true
   */
  stackTraces?: boolean;
  /** Kill the program after this long (loading, running and settling together). @default 120000 */
  timeoutMs?: number;
  /** StackReference outputs by stack name (see {@link readStackReference}). */
  stackReferences?: Readonly<Record<string, Record<string, unknown>>>;
  /** Told when the program enters a phase (for a status line). */
  onPhase?: (phase: Phase) => void;
  /**
   * Stops the program: its process is killed and the run rejects with the
   * signal's reason (`paved check` aborts with the policy pack's error when the
   * pack fails to load, so nobody waits for a program whose check cannot run).
   */
  signal?: AbortSignal;
}

/** The default timeout of a whole check. */
export const DEFAULT_TIMEOUT_MS = 120_000;

const DEFAULT_REGION = "us-east-1";

/** How the child is started: the compiled module, or the sources through the CLI's loader. */
function childCommand(): string[] {
  const own = __filename;
  if (own.endsWith(".ts")) {
    const bootstrap = path.resolve(__dirname, "..", "..", "bin", "bootstrap.js");
    const child = path.join(__dirname, "child.ts");
    if (fs.existsSync(bootstrap)) {
      return [
        "-e",
        `require(${JSON.stringify(bootstrap)}).registerLoader();require(${JSON.stringify(child)}).serve();`,
      ];
    }
    return ["-r", "sucrase/register/ts", "-e", `require(${JSON.stringify(child)}).serve();`];
  }
  return ["-e", `require(${JSON.stringify(path.join(__dirname, "child.js"))}).serve();`];
}

/**
 * Starts the program's process now and returns its run. The process starts
 * synchronously, so a caller can load the policy pack while the program runs.
 */
export function runProgram(project: PulumiProject, opts: RunOptions = {}): Promise<ProgramRun> {
  const warnings: string[] = [];
  const region = project.config["aws:region"] ?? DEFAULT_REGION;
  if (!project.config["aws:region"]) {
    warnings.push(`no aws:region in the stack config; data sources answer for ${DEFAULT_REGION}`);
  }
  const nonce = randomBytes(16).toString("hex");
  const child = spawn(process.execPath, childCommand(), {
    cwd: project.dir,
    env: process.env,
    // The program's stdout goes to our stderr: stdout carries only the report.
    stdio: ["ignore", process.stderr, "inherit", "ipc"],
    serialization: "advanced",
  });
  const job: ChildJob = {
    kind: "run",
    nonce,
    project,
    preview: opts.preview ?? false,
    stackTraces: opts.stackTraces ?? true,
    stackReferences: opts.stackReferences,
  };
  child.send(job);
  return collect(child, nonce, project, opts).then(async (result) => {
    const resources = toResources(result.records, project);
    let notChecked: NotChecked[] = [];
    if (
      resources.some(
        (r) =>
          r.type.startsWith("kubernetes:yaml/v2:") ||
          r.type.startsWith("kubernetes:helm.sh/") ||
          r.type.startsWith("kubernetes:kustomize/"),
      )
    ) {
      const { expandManifests } = await import("./manifests");
      const expanded = expandManifests(resources, project.dir);
      resources.push(...expanded.added);
      notChecked = expanded.notChecked;
    }
    // An AWS data source offline AWS cannot answer returned the program's own inputs: whatever the
    // program derived from it (an ARN, a policy document) is not what AWS would return. Say so.
    const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    for (const token of result.unanswered) {
      if (!token.startsWith("aws:") || !stack) continue;
      notChecked.push({
        urn: stack.urn,
        why: `data source ${token} has no offline answer (no credentials, no network); values the program derived from it were not checked as AWS would return them`,
      });
    }
    return { resources, region, warnings: [...warnings, ...result.warnings], notChecked };
  });
}

function collect(
  child: ChildProcess,
  nonce: string,
  project: PulumiProject,
  opts: RunOptions,
): Promise<{ records: readonly ChildRecord[]; warnings: readonly string[]; unanswered: readonly string[] }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let phase: Phase | "starting" = "starting";
    let done = false;
    const finish = (
      err: Error | undefined,
      value?: { records: readonly ChildRecord[]; warnings: readonly string[]; unanswered: readonly string[] },
    ) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", stop);
      child.removeAllListeners("message");
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      if (err) reject(err);
      else
        resolve(
          value as {
            records: readonly ChildRecord[];
            warnings: readonly string[];
            unanswered: readonly string[];
          },
        );
    };
    const timer = setTimeout(() => {
      finish(
        new TimeoutError(
          `timed out after ${timeoutMs / 1000} s ${phaseText(phase)} the program ${project.name}` +
            " (--timeout <seconds> to allow longer)",
          phase,
        ),
      );
    }, timeoutMs);
    const stop = () => finish(abortReason(opts.signal as AbortSignal));
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener("abort", stop, { once: true });
    child.on("message", (m: ChildMessage) => {
      if (!m || typeof m !== "object" || m.nonce !== nonce) return; // not ours: the program's own
      switch (m.kind) {
        case "phase":
          phase = m.phase;
          opts.onPhase?.(m.phase);
          return;
        case "result":
          finish(undefined, {
            records: JSON.parse(m.records) as readonly ChildRecord[],
            warnings: m.warnings,
            unanswered: m.unanswered ?? [],
          });
          return;
        case "error":
          finish(programError(m, project));
          return;
        case "stalled":
          finish(
            new ProgramError(
              `the program ${project.name} never finished (${m.phase}): it waits on a promise nothing resolves` +
                (m.pending > 0
                  ? `, and ${m.pending} Pulumi ${m.pending === 1 ? "promise was" : "promises were"} still active`
                  : "") +
                " (an apply on a value unknown in a preview, a promise that never settles); `pulumi preview` fails it too",
              undefined,
            ),
          );
          return;
      }
    });
    child.on("error", (e) => finish(new ProgramError(`cannot start the program's process: ${e.message}`, e)));
    child.on("exit", (code, signal) => {
      finish(
        new ProgramError(
          `the program ${project.name} exited (${signal ?? `code ${String(code)}`}) while ${phaseName(phase)}, ` +
            "before it finished registering its resources: a program must not call process.exit",
          undefined,
        ),
      );
    });
  });
}

/** The error an aborted run rejects with: the reason the caller gave, as an Error. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : new ProgramError(`the program was stopped: ${String(reason)}`, undefined);
}

function phaseName(phase: Phase | "starting"): string {
  return phase === "starting" ? "starting" : phase;
}

function phaseText(phase: Phase | "starting"): string {
  switch (phase) {
    case "starting":
    case "loading":
      return "loading";
    case "running":
      return "running";
    case "settling registrations":
      return "settling the registrations of";
  }
}

/** The records as the checker sees them: engine URNs, references as ids, source positions in the program. */
function toResources(records: readonly ChildRecord[], project: PulumiProject): CheckResource[] {
  const byUrn = new Map<string, ChildRecord>();
  for (const r of records) {
    // As the engine refuses a second registration of one URN (the mocks accept it).
    if (byUrn.has(r.urn)) {
      throw new ProgramError(
        `the program ${project.name} registers resource ${normaliseUrn(r.urn)} twice ` +
          "(Duplicate resource URN); give each resource a unique name",
        undefined,
      );
    }
    byUrn.set(r.urn, r);
  }
  const programSource = (r: ChildRecord | undefined, depth = 0): SourcePosition | undefined => {
    if (!r || depth > 64) return undefined;
    if (r.source && inProgram(r.source.file, project.dir)) return r.source;
    return programSource(r.parent ? byUrn.get(r.parent) : undefined, depth + 1);
  };
  return records.map((r) => ({
    urn: normaliseUrn(r.urn),
    type: r.type,
    name: r.name,
    custom: r.custom,
    id: r.id,
    parent: r.parent ? normaliseUrn(r.parent) : undefined,
    provider: r.provider ? normaliseProvider(r.provider) : undefined,
    dependencies: r.dependencies.map(normaliseUrn),
    properties: referencesToIds(r.inputs) as Record<string, unknown>,
    outputs: r.outputs,
    source: programSource(r),
  }));
}

/** True for a file of the program itself (not a dependency, not paved's own sources). */
function inProgram(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return !rel.startsWith("..") && !path.isAbsolute(rel) && !rel.split(path.sep).includes("node_modules");
}

/** A provider reference is `<urn>::<id>`; normalise its URN part. */
function normaliseProvider(ref: string): string {
  const i = ref.lastIndexOf("::");
  return i < 0 ? ref : `${normaliseUrn(ref.slice(0, i))}${ref.slice(i)}`;
}

function programError(m: Extract<ChildMessage, { kind: "error" }>, project: PulumiProject): ProgramError {
  const message = m.message.trim();
  const cause = Object.assign(new Error(message), { name: m.name, stack: m.stack ?? message });
  // Validation errors already read as full sentences; keep them as the user wrote them.
  const text =
    m.name === "PavedValidationError" || m.name === "PromiseLeak" || m.name === "InputShapeError"
      ? message
      : `the program ${project.name} threw: ${message.split("\n")[0]}`;
  return new ProgramError(text, cause);
}

/**
 * Reads `--stack-reference <name>=<file>`: the file is `pulumi stack output --json
 * --show-secrets` (the outputs object) or `pulumi stack export` (the stack
 * resource's outputs are taken).
 */
export function readStackReference(spec: string): [string, Record<string, unknown>] {
  const eq = spec.indexOf("=");
  if (eq <= 0 || eq === spec.length - 1) {
    throw new UsageError(`--stack-reference ${spec}: expected <stack-name>=<file>`);
  }
  const [name, file] = [spec.slice(0, eq), spec.slice(eq + 1)];
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(
      `--stack-reference ${name}: cannot read ${file}: ${(e as Error).message.split("\n")[0]}`,
    );
  }
  const d = doc as { deployment?: { resources?: { type?: string; outputs?: Record<string, unknown> }[] } };
  if (d && typeof d === "object" && d.deployment) {
    const stack = d.deployment.resources?.find((r) => r.type === "pulumi:pulumi:Stack");
    return [name, stack?.outputs ?? {}];
  }
  if (!d || typeof d !== "object" || Array.isArray(d)) {
    throw new UsageError(
      `--stack-reference ${name}: ${file} is neither stack outputs (an object) nor a stack export`,
    );
  }
  return [name, d as Record<string, unknown>];
}
