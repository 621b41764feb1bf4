/**
 * `paved register`: the firewall-rule register of every SegmentedNetwork and
 * NamespaceBaseline in a program (any component that registers a `register`
 * output), as Markdown, CSV or JSON for the change board.
 *
 * With `--diff <base>`: what changed since the base (a git ref, a second
 * program directory, or a saved `--format json` register): rules added,
 * removed, widened, narrowed, replaced or relabelled, as Markdown (with the
 * topology in Mermaid, the changed flows marked), JSON or text.
 */
import { renderRegisterCsv, renderRegisterMarkdown } from "../../components/core/register";
import { EXIT, UsageError } from "../errors";
import { loadBase, registersOf, renderRegisterJson } from "../register-base";
import { writeOutput } from "./io";
import { runForRecords } from "./program";

export interface RegisterOptions {
  stack?: string;
  format: "markdown" | "csv" | "json" | "text";
  output?: string;
  verbose?: boolean;
  /** Compare with this base: a git ref, a program directory or a saved register (JSON). */
  diff?: string;
  /** With --diff: a new or widened rule without a ticket is an error (exit 1). */
  requireTicket?: boolean;
  /** With --diff --format markdown: leave out the Mermaid topology. */
  diagram?: boolean;
}

/** Runs the program and prints the register (or its diff); returns the exit code. */
export async function runRegister(dir: string, opts: RegisterOptions): Promise<number> {
  if (opts.requireTicket && !opts.diff) throw new UsageError("--require-ticket needs --diff <base>");
  if (opts.diff) return runRegisterDiff(dir, opts.diff, opts);
  if (opts.format === "text") throw new UsageError("--format text is for --diff; use markdown, csv or json");
  const resources = await runForRecords(dir, opts.stack, Boolean(opts.verbose));
  const registers = registersOf(resources);
  if (registers.length === 0) {
    process.stderr.write(
      "paved: no SegmentedNetwork or NamespaceBaseline (no component registers a `register`)\n",
    );
  }
  let text: string;
  switch (opts.format) {
    case "csv":
      text = renderRegisterCsv(registers);
      break;
    case "json": {
      const { PAVED_VERSION } = await import("../../components/core/version");
      text = renderRegisterJson(registers, { version: PAVED_VERSION, program: dir, stack: opts.stack });
      break;
    }
    default:
      text = registers.map((r) => renderRegisterMarkdown(r.title, r.rules)).join("\n");
  }
  writeOutput(text, opts.output);
  return EXIT.ok;
}

async function runRegisterDiff(dir: string, baseSpec: string, opts: RegisterOptions): Promise<number> {
  if (opts.format === "csv") throw new UsageError("--diff writes markdown, json or text, not csv");
  const verbose = Boolean(opts.verbose);
  // The base first: a git worktree is removed before the head runs.
  const base = await loadBase(baseSpec, dir, (d) => runForRecords(d, opts.stack, verbose));
  const resources = await runForRecords(dir, opts.stack, verbose);
  const { diffRegisters } = await import("../register-diff");
  const render = await import("../register-diff-render");
  const diff = diffRegisters(base.registers, registersOf(resources), { base: base.label, head: dir });
  let text: string;
  switch (opts.format) {
    case "json":
      text = render.renderDiffJson(diff);
      break;
    case "text":
      text = render.renderDiffText(diff);
      break;
    default: {
      let mermaid: string | undefined;
      if (opts.diagram !== false) {
        const { buildTopology } = await import("../diagram/topology");
        const { renderMermaid } = await import("../diagram/mermaid");
        const topology = buildTopology(resources);
        if (topology.networks.length > 0 || (topology.namespaces ?? []).length > 0) {
          mermaid = render.markedMermaid(topology, diff, renderMermaid);
        }
      }
      text = render.renderDiffMarkdown(diff, { mermaid });
    }
  }
  writeOutput(text, opts.output);
  if (opts.requireTicket && diff.summary.missingTickets > 0) {
    process.stderr.write(
      `paved: ${diff.summary.missingTickets} new or widened rule(s) without a ticket (--require-ticket)\n`,
    );
    return EXIT.violations;
  }
  return EXIT.ok;
}
