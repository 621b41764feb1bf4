/**
 * Runs a Pulumi program in-process under the mock engine, as `pulumi preview`
 * would run it, and returns every resource it registered.
 *
 * Uses SDK internals (`runInPulumiStack`, `waitForRPCs` via `settle`); the SDK
 * version is pinned in package.json and test/cli covers this path end to end.
 */
import type { PulumiProject } from "../project";
import { ProgramError } from "../errors";
import { CheckResource, normaliseUrn } from "./resource";

/** What a program run produced. */
export interface ProgramRun {
  readonly resources: CheckResource[];
  /** The AWS region the data sources answered for. */
  readonly region: string;
  /** Warnings for the user (a missing region, a secret read in plain text). */
  readonly warnings: string[];
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
}

const DEFAULT_REGION = "us-east-1";

/** Runs the project's program and collects the resource records. */
export async function runProgram(project: PulumiProject, opts: RunOptions = {}): Promise<ProgramRun> {
  const warnings: string[] = [];
  const region = project.config["aws:region"] ?? DEFAULT_REGION;
  if (!project.config["aws:region"]) {
    warnings.push(`no aws:region in the stack config; data sources answer for ${DEFAULT_REGION}`);
  }

  // Lazy: the heavy SDK loads only when a program runs.
  const { registerTypeScript } = await import("./loader");
  registerTypeScript();
  const pulumi = await import("@pulumi/pulumi");
  const { installMockEngine, MockEngine, settle } = await import("./mocks");
  const stackModule = (await import("@pulumi/pulumi/runtime/stack")) as unknown as {
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
  };

  pulumi.runtime.setAllConfig(project.config, [...project.secretKeys]);
  const engine = new MockEngine({ region, preview: opts.preview ?? false });
  const records = installMockEngine(engine, {
    project: project.name,
    stack: project.stack,
    transforms: true,
  });

  // Errors raised in Outputs and component constructors may surface as rejections.
  let asyncError: unknown;
  const onError = (e: unknown) => {
    asyncError ??= e;
  };
  process.on("unhandledRejection", onError);
  process.on("uncaughtException", onError);
  const cwd = process.cwd();
  const restoreConsole = consoleToStderr();
  const stackTraceLimit = Error.stackTraceLimit;
  if (opts.stackTraces === false) Error.stackTraceLimit = 0;
  try {
    process.chdir(project.dir);
    await stackModule.runInPulumiStack(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(project.entry) as { default?: unknown } & Record<string, unknown>;
      // Pulumi calls a default-exported function and uses its result as the stack outputs.
      if (typeof mod.default === "function") return await (mod.default as () => unknown)();
      return mod;
    });
    await settle();
  } catch (e) {
    throw programError(e, project);
  } finally {
    restoreConsole();
    Error.stackTraceLimit = stackTraceLimit;
    process.chdir(cwd);
  }
  if (asyncError !== undefined) {
    // The listeners stay: the SDK re-raises a failed stack init as a late rejection,
    // which must not crash the CLI while it reports the error.
    throw programError(asyncError, project);
  }
  // A clean run: errors from here on are the CLI's own and must surface.
  process.off("unhandledRejection", onError);
  process.off("uncaughtException", onError);

  const resources: CheckResource[] = records.map((r) => ({
    urn: normaliseUrn(r.urn),
    type: r.type,
    name: r.name,
    custom: r.custom,
    id: r.id,
    parent: r.parent ? normaliseUrn(r.parent) : undefined,
    provider: r.provider ? normaliseProvider(r.provider) : undefined,
    dependencies: r.dependencies.map(normaliseUrn),
    properties: r.inputs,
    outputs: r.outputs,
  }));
  return { resources, region, warnings };
}

/**
 * What the program prints goes to stderr while it runs, as `pulumi preview`
 * shows it apart from its own output: stdout carries only the report, so a
 * `console.log` in a program never corrupts JSON, SARIF or JUnit.
 */
function consoleToStderr(): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { format } = require("util") as typeof import("util");
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${format(...args)}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  return () => Object.assign(console, saved);
}

/** A provider reference is `<urn>::<id>`; normalise its URN part. */
function normaliseProvider(ref: string): string {
  const i = ref.lastIndexOf("::");
  return i < 0 ? ref : `${normaliseUrn(ref.slice(0, i))}${ref.slice(i)}`;
}

function programError(e: unknown, project: PulumiProject): ProgramError {
  if (e instanceof ProgramError) return e;
  const name = e instanceof Error ? e.name : "";
  const message = e instanceof Error ? e.message.trim() : String(e);
  // Validation errors already read as full sentences; keep them as the user wrote them.
  const text =
    name === "PavedValidationError"
      ? message
      : `the program ${project.name} threw: ${message.split("\n")[0]}`;
  return new ProgramError(text, e);
}
