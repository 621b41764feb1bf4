/**
 * The `paved` command line. Parsing only: each command's module (and with it
 * the Pulumi SDK) is loaded when that command runs, so `paved --help` and
 * `paved drift` stay instant.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { EXIT, errorLine } from "./errors";
import type { ReportFormat, ReportRequest } from "./commands/check";

const FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const satisfies readonly ReportFormat[];

function ownVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../components/core/version") as { PAVED_VERSION: string }).PAVED_VERSION;
}

/** Runs a command body; maps errors to one line on stderr and exit 2 (a stack trace only with --verbose). */
async function guarded(verbose: boolean, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    process.stderr.write(`paved: ${errorLine(e)}\n`);
    if (verbose) {
      const cause = (e as { cause?: unknown }).cause ?? e;
      process.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
    }
    return EXIT.usage;
  }
}

/** Collects `--report <format>=<file>` values. */
function reportRequest(v: string, all: ReportRequest[] = []): ReportRequest[] {
  const at = v.indexOf("=");
  const format = at < 0 ? v : v.slice(0, at);
  const file = at < 0 ? "" : v.slice(at + 1);
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new InvalidArgumentError(
      `unknown format "${format}"; use <format>=<file> with one of ${FORMATS.join(", ")}`,
    );
  }
  if (file === "") throw new InvalidArgumentError(`no file; use ${format}=<file>`);
  return [...all, { format: format as ReportFormat, file }];
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number >= 1");
  return n;
}

/** Commander's exit (help, version, a usage error) as a value: `run` returns its code. */
class CommanderExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Builds the program (exported for tests of the parser). */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command("paved")
    .description("Policy checks for Pulumi programs before the cloud: paved check, diagram, register, drift.")
    .version(ownVersion(), "-V, --version")
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) })
    .exitOverride((err) => {
      // Usage errors exit 2 (commander would use 1, which means "violations" here). Thrown, not
      // process.exit: `run` returns the code, so the CLI can be driven in-process (the tests).
      throw new CommanderExit(err.exitCode === 0 ? EXIT.ok : EXIT.usage);
    });

  program
    .command("check")
    .description(
      "Run a Pulumi program under mocks (or read a stack export) and check it against the policy pack.",
    )
    .argument("[program-dir]", "the Pulumi project directory (Pulumi.yaml)")
    .option("--state <file|->", "check a `pulumi stack export` file (deployment v3) instead; - reads stdin")
    .option(
      "-s, --stack <name>",
      "the stack whose config (Pulumi.<stack>.yaml) the program runs with (default: dev)",
    )
    .option("--policy-pack <dir>", "the policy pack directory (default: the bundled policies/)")
    .option(
      "--policy-config <file>",
      "the pack config (JSON): levels and policy settings (default: the stack's)",
    )
    .option("--exemptions <file>", "an exemptions file (JSON or YAML) for the pack")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option(
      "--report <format=file>",
      "also write the report in <format> to <file>, from the same run (repeatable)",
      reportRequest,
    )
    .option("--preview", "run as a preview: computed outputs are unknown, as in `pulumi preview`")
    .option("--concurrency <n>", "Analyze calls in flight", positiveInt, 16)
    .addOption(
      new Option(
        "--transport <transport>",
        "how the pack is served: loaded in-process (its own handlers, no socket: fast) or its own process over gRPC (exactly as the engine runs it)",
      )
        .choices(["in-process", "process"])
        .default("in-process"),
    )
    .option(
      "--timeout <seconds>",
      "give up (exit 2, naming the phase that hung) after this many seconds",
      positiveInt,
      120,
    )
    .option(
      "--require-resources",
      "a program that registers no resource is an error (exit 2) instead of a warning, for CI",
    )
    .option(
      "--stack-reference <name=file>",
      "answer StackReference <name> from a file (`pulumi stack output --json` or `pulumi stack export`); repeatable",
      (v: string, all: string[] = []) => [...all, v],
    )
    .option("--no-color", "never colour the text output")
    .option("-v, --verbose", "show stack traces and timings on stderr")
    .action(async (dir: string | undefined, opts) => {
      setExit(
        await guarded(Boolean(opts.verbose), async () => {
          const { runCheck } = await import("./commands/check");
          return runCheck(dir, opts);
        }),
      );
    });

  program
    .command("diagram")
    .description(
      "Render the network topology of a program: tiers, subnets per AZ and the flows between tiers.",
    )
    .argument("<program-dir>", "the Pulumi project directory")
    .option("-s, --stack <name>", "the stack config to run with (default: dev)")
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["mermaid", "svg"]).default("mermaid"),
    )
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option("-v, --verbose", "show stack traces on stderr")
    .action(async (dir: string, opts) => {
      setExit(
        await guarded(Boolean(opts.verbose), async () => {
          const { runDiagram } = await import("./commands/diagram");
          return runDiagram(dir, opts);
        }),
      );
    });

  program
    .command("register")
    .description(
      "Print the firewall-rule register of every SegmentedNetwork and NamespaceBaseline in a program.",
    )
    .argument("<program-dir>", "the Pulumi project directory")
    .option("-s, --stack <name>", "the stack config to run with (default: dev)")
    .addOption(
      new Option("-f, --format <format>", "output format (text: only with --diff)")
        .choices(["markdown", "csv", "json", "text"])
        .default("markdown"),
    )
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option(
      "--diff <base>",
      "compare with a base: a git ref of the program's repository, a program directory, or a saved `--format json` register",
    )
    .option("--require-ticket", "with --diff: a new or widened rule without a ticket is an error (exit 1)")
    .option("--no-diagram", "with --diff --format markdown: leave out the Mermaid topology")
    .option("-v, --verbose", "show stack traces on stderr")
    .action(async (dir: string, opts) => {
      setExit(
        await guarded(Boolean(opts.verbose), async () => {
          const { runRegister } = await import("./commands/register");
          return runRegister(dir, opts);
        }),
      );
    });

  program
    .command("drift")
    .description("Report config keys that differ between two stack files and are not on the allow-list.")
    .argument("[args...]", "<stack-a.yaml> <stack-b.yaml> [--allow <file>] [--format text|json]")
    .helpOption(false)
    .allowUnknownOption()
    .action(async (args: string[]) => {
      setExit(
        await guarded(false, async () => {
          const { runDrift } = await import("./drift");
          return runDrift(args);
        }),
      );
    });

  return program;
}

/**
 * Parses argv and runs the command; resolves to the exit code. Writes the
 * report and messages to process.stdout / process.stderr and never exits: the
 * entry the bin calls (`main`) and the tests' in-process driver share it.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderExit) return e.code;
    throw e;
  }
  return code;
}

/** Entry point: runs the command, exits with its code. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const code = await run(argv);
  // Flush before exiting: stdout may be a pipe.
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  // The verdict is ours: no exit listener (the SDK's promise-leak detector, loaded with
  // an in-process pack) may change the code after the report was written.
  process.removeAllListeners("exit");
  process.exitCode = code;
  process.exit(code);
}

if (require.main === module) {
  void main();
}
