/**
 * The program run behind `paved diagram` and `paved register` (cli/commands/program.ts):
 * stack traces only with --verbose, as `paved check` runs it.
 */
import { runForRecords } from "../../cli/commands/program";
import { cleanPrograms, makeProgram } from "./gate-support";

afterAll(cleanPrograms);

/** A program that exports how many lines a stack it captures has (1: the message alone). */
const FRAMES = {
  "index.ts": 'export const lines = (new Error("here").stack ?? "").split("\\n").length;\n',
};

async function stackLines(verbose: boolean): Promise<unknown> {
  const resources = await runForRecords(makeProgram(FRAMES, "records"), undefined, verbose);
  return resources.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs?.lines;
}

test("without --verbose the program runs with no stack frames (what the CLI never shows)", async () => {
  expect(await stackLines(false)).toBe(1);
});

test("with --verbose the program keeps its stack traces", async () => {
  expect(await stackLines(true)).toBeGreaterThan(1);
});
