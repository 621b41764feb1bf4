/**
 * `paved register`: the firewall-rule register of every SegmentedNetwork and
 * NamespaceBaseline in a program (any component that registers a `register`
 * output), as Markdown or CSV for the change board.
 */
import { renderRegisterCsv, renderRegisterMarkdown } from "../../components/core/register";
import { registeredRules } from "../diagram/topology";
import { writeOutput } from "./io";
import { runForRecords } from "./program";

export interface RegisterOptions {
  stack?: string;
  format: "markdown" | "csv";
  output?: string;
  verbose?: boolean;
}

/** `SegmentedNetwork core` from `paved:aws:SegmentedNetwork` and the resource name. */
function title(type: string, name: string): string {
  return `${type.split(":").pop() ?? type} ${name}`;
}

/** Runs the program and prints the register; returns the exit code. */
export async function runRegister(dir: string, opts: RegisterOptions): Promise<number> {
  const resources = await runForRecords(dir, opts.stack, Boolean(opts.verbose));
  const registers = resources
    .filter((r) => !r.custom)
    .map((r) => ({ title: title(r.type, r.name), rules: registeredRules(r) }))
    .filter((r): r is { title: string; rules: NonNullable<typeof r.rules> } => r.rules !== undefined);
  if (registers.length === 0) {
    process.stderr.write(
      "paved: no SegmentedNetwork or NamespaceBaseline (no component registers a `register`)\n",
    );
  }
  const text =
    opts.format === "csv"
      ? renderRegisterCsv(registers)
      : registers.map((r) => renderRegisterMarkdown(r.title, r.rules)).join("\n");
  writeOutput(text, opts.output);
  return 0;
}
