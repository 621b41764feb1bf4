/**
 * Where the pack and its config come from: `--policy-pack` or the bundled
 * policies/; `--policy-config`, or the config the stack declares
 * (`paved:policyConfig`, relative to the project), or `<pack>/config/<stack>.json`.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../errors";

/** The bundled pack: the `policies/` directory of this package (sources or compiled). */
export function findBundledPack(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, "policies");
    if (fs.existsSync(path.join(candidate, "PulumiPolicy.yaml"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new UsageError("the bundled policy pack was not found; pass --policy-pack <dir>");
    dir = parent;
  }
}

/** Reads a pack config file (JSON: policy name to a level or `{ enforcementLevel, ...settings }`). */
export function readPolicyConfig(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(
      `cannot read policy config ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`policy config ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new UsageError(`policy config ${file} must be an object of policy names`);
  }
  return doc as Record<string, unknown>;
}

/** The pack config for a run, or undefined for the pack's defaults. */
export function resolvePolicyConfig(input: {
  file?: string;
  packDir: string;
  stack?: string;
  /** `paved:policyConfig` from the stack config. */
  declared?: string;
  projectDir?: string;
}): Record<string, unknown> | undefined {
  if (input.file) return readPolicyConfig(input.file);
  if (input.declared && input.projectDir) {
    const declared = path.resolve(input.projectDir, input.declared);
    if (!fs.existsSync(declared)) {
      throw new UsageError(`the stack declares paved:policyConfig ${input.declared}, which does not exist`);
    }
    return readPolicyConfig(declared);
  }
  if (input.stack) {
    const byStack = path.join(input.packDir, "config", `${input.stack}.json`);
    if (fs.existsSync(byStack)) return readPolicyConfig(byStack);
  }
  return undefined;
}
