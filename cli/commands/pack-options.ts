/**
 * Where the pack and its config come from: `--policy-pack` or the bundled
 * policies/; `--policy-config`, or the config the stack declares
 * (`paved:policyConfig`, relative to the project), or `<pack>/config/<stack>.json`.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../errors";

/** The file a config was read from (engine/analyzer-config.ts `CONFIG_SOURCE`; the same registered symbol). */
const CONFIG_SOURCE = Symbol.for("paved.policyConfigSource");

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
  // Problems found when the config meets the pack's policies name this file.
  Object.defineProperty(doc, CONFIG_SOURCE, { value: file, enumerable: false });
  return doc as Record<string, unknown>;
}

/**
 * Validates the `--exemptions` file before any finding is waived: every
 * problem (a misspelt key, an impossible date, a selector that can never match,
 * an unknown policy, an expiry past the cap) is an input error (exit 2) naming
 * the file, the entry and the fix. The cap is the file's `maxLifetimeDays`,
 * else `PAVED_EXEMPTION_MAX_DAYS`, else 180 days.
 */
export function checkExemptionsFile(file: string, policies: readonly string[], now = new Date()): void {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(
      `cannot read exemptions file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require("../../policies/lib/exemptions") as typeof import("../../policies/lib/exemptions");
  const set = lib.parseExemptionsText(text, file, {
    policies,
    now,
    maxLifetimeDays: lib.DEFAULT_MAX_LIFETIME_DAYS,
  });
  if (set.problems.length > 0) {
    const list = set.problems.map((p) => `${p.where}: ${p.message}`).join("; ");
    throw new UsageError(`exemptions file refused (${set.problems.length} problem(s)): ${list}`);
  }
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
