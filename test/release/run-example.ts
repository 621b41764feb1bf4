/**
 * Runs one example program under the mock engine, the way `paved check` runs
 * it (the CLI's own loadProject + runProgram), and prints what it registered
 * as JSON on stdout. A child process per example keeps the Pulumi runtime's
 * global state (mocks, the stack resource) apart between examples.
 *
 * Usage: node -r sucrase/register/ts test/release/run-example.ts <example-dir> [stack]
 *
 * The examples import the library as an app team does, `from "paved"`; the
 * CLI's loader resolves that name to its own package when none is installed
 * beside the program: here, this checkout's sources, so the examples are
 * tested against the code beside them, not a published version.
 */
import * as path from "path";

async function main(): Promise<void> {
  const [dir, stack = "dev"] = process.argv.slice(2);
  const { loadProject } = await import("../../cli/project");
  const { runProgram } = await import("../../cli/engine/run");
  const project = loadProject(path.resolve(dir), stack);
  const run = await runProgram(project);
  const out = {
    project: project.name,
    warnings: run.warnings,
    resources: run.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      custom: r.custom,
      parent: r.parent ?? "",
    })),
  };
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
