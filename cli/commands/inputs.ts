/**
 * What decides a check's verdict besides the pack: the policy config (the
 * levels) and the exemptions file. Both are chosen and read here, in the
 * checker's process, before the program runs; their sha256 goes in the
 * report header, and a file that changes while the program runs is refused.
 *
 * Precedence of the policy config: `PAVED_POLICY_CONFIG` (the platform team's
 * pin, set in CI's environment: it wins over the command line and the stack),
 * then `--policy-config`, then the stack's `paved:policyConfig`, then
 * `<pack>/config/<stack>.json`. The exemptions: `--exemptions`, then
 * `PAVED_EXEMPTIONS_FILE` from the checker's own environment.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../errors";

/** One input file as the report names it. */
export interface InputFile {
  /** The path as given (or resolved from the stack or the pack). */
  readonly file: string;
  readonly sha256: string;
  /** Where the choice came from. */
  readonly from:
    | "PAVED_POLICY_CONFIG"
    | "--policy-config"
    | "paved:policyConfig"
    | "pack default"
    | "--exemptions"
    | "PAVED_EXEMPTIONS_FILE";
}

/** The inputs a check was decided with. */
export interface CheckInputs {
  /** Undefined: the pack's own default levels. */
  readonly policyConfig?: InputFile;
  readonly exemptions?: InputFile;
  /** A pinned config overrode these (said on stderr). */
  readonly overridden: readonly string[];
}

/** The sha256 of a file's bytes; a usage error when it cannot be read. */
export function sha256Of(file: string, what: string): string {
  try {
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Chooses the policy config and exemptions file, reading the environment now (before the program runs). */
export function chooseInputs(input: {
  policyConfig?: string;
  exemptions?: string;
  packDir: string;
  stack?: string;
  declared?: string;
  projectDir?: string;
  env?: NodeJS.ProcessEnv;
}): CheckInputs {
  const env = input.env ?? process.env;
  const overridden: string[] = [];
  let policyConfig: Omit<InputFile, "sha256"> | undefined;
  const pinned = env.PAVED_POLICY_CONFIG;
  if (pinned) {
    policyConfig = { file: pinned, from: "PAVED_POLICY_CONFIG" };
    if (input.policyConfig) overridden.push(`--policy-config ${input.policyConfig}`);
    if (input.declared) overridden.push(`the stack's paved:policyConfig ${input.declared}`);
  } else if (input.policyConfig) {
    policyConfig = { file: input.policyConfig, from: "--policy-config" };
  } else if (input.declared && input.projectDir) {
    const declared = path.resolve(input.projectDir, input.declared);
    if (!fs.existsSync(declared)) {
      throw new UsageError(`the stack declares paved:policyConfig ${input.declared}, which does not exist`);
    }
    policyConfig = { file: path.relative(process.cwd(), declared) || declared, from: "paved:policyConfig" };
  } else if (input.stack) {
    const byStack = path.join(input.packDir, "config", `${input.stack}.json`);
    if (fs.existsSync(byStack))
      policyConfig = { file: path.relative(process.cwd(), byStack), from: "pack default" };
  }
  const exemptionsFile = input.exemptions ?? env.PAVED_EXEMPTIONS_FILE;
  const exemptions: Omit<InputFile, "sha256"> | undefined = exemptionsFile
    ? { file: exemptionsFile, from: input.exemptions ? "--exemptions" : "PAVED_EXEMPTIONS_FILE" }
    : undefined;
  return {
    policyConfig: policyConfig && { ...policyConfig, sha256: sha256Of(policyConfig.file, "policy config") },
    exemptions: exemptions && { ...exemptions, sha256: sha256Of(exemptions.file, "exemptions file") },
    overridden,
  };
}

/** Refuses the check when an input file changed since it was chosen (the program may have written it). */
export function assertUnchanged(inputs: CheckInputs): void {
  for (const [what, f] of [
    ["policy config", inputs.policyConfig],
    ["exemptions file", inputs.exemptions],
  ] as const) {
    if (f && sha256Of(f.file, what) !== f.sha256) {
      throw new UsageError(`the ${what} ${f.file} changed while the check ran; refusing to use it`);
    }
  }
}

/** The header lines that say what the verdict was decided with. */
export function describeInputs(inputs: CheckInputs): string[] {
  const line = (label: string, f: InputFile | undefined, none: string) =>
    f ? `${label}: ${f.file} (${f.from}, sha256 ${f.sha256})` : `${label}: ${none}`;
  return [
    line("policy config", inputs.policyConfig, "none (the pack's default levels)"),
    line("exemptions", inputs.exemptions, "none"),
  ];
}
