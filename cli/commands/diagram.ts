/**
 * `paved diagram`: the topology of a program, as Mermaid or SVG: its networks
 * (SegmentedNetwork or raw VPCs) and its NamespaceBaselines.
 */
import { writeOutput } from "./io";
import { runForRecords } from "./program";

export interface DiagramOptions {
  stack?: string;
  format: "mermaid" | "svg";
  output?: string;
  verbose?: boolean;
}

/** Runs the program and prints its topology; returns the exit code. */
export async function runDiagram(dir: string, opts: DiagramOptions): Promise<number> {
  const resources = await runForRecords(dir, opts.stack, Boolean(opts.verbose));
  const { buildTopology } = await import("../diagram/topology");
  const topology = buildTopology(resources);
  if (topology.networks.length === 0 && (topology.namespaces ?? []).length === 0)
    process.stderr.write("paved: no VPC, SegmentedNetwork or NamespaceBaseline in the program\n");
  const text =
    opts.format === "svg"
      ? (await import("../diagram/svg")).renderSvg(topology)
      : (await import("../diagram/mermaid")).renderMermaid(topology);
  writeOutput(text, opts.output);
  return 0;
}
