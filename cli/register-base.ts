/**
 * Where `paved register --diff <base>` reads the base from: a saved register
 * (`paved register --format json`), a second program directory, or a git ref
 * of the repository that holds the program (checked out with `git worktree`
 * into a temporary folder, its `node_modules` linked from the current
 * checkout, and removed afterwards).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { FirewallRule } from "../components/core/register";
import type { CheckResource } from "./engine/resource";
import { UsageError } from "./errors";
import type { NamedRegister } from "./register-diff";
import { registeredRules } from "./diagram/topology";

/** One register as `paved register --format json` writes it. */
export interface SavedRegister extends NamedRegister {
  /** The component's type token and name. */
  readonly type: string;
  readonly name: string;
}

/** `SegmentedNetwork core` from `paved:aws:SegmentedNetwork` and the resource name. */
export function registerTitle(type: string, name: string): string {
  return `${type.split(":").pop() ?? type} ${name}`;
}

/** Every component's register in a run (any component that registers a `register` output). */
export function registersOf(resources: readonly CheckResource[]): SavedRegister[] {
  return resources
    .filter((r) => !r.custom)
    .flatMap((r) => {
      const rules = registeredRules(r);
      return rules ? [{ title: registerTitle(r.type, r.name), type: r.type, name: r.name, rules }] : [];
    });
}

/** The JSON document of `paved register --format json`. */
export function renderRegisterJson(
  registers: readonly SavedRegister[],
  about: { version: string; program: string; stack?: string },
): string {
  return (
    JSON.stringify(
      {
        tool: { name: "paved", version: about.version },
        kind: "register",
        program: about.program,
        stack: about.stack,
        registers,
      },
      null,
      2,
    ) + "\n"
  );
}

const RULE_FIELDS = ["id", "kind", "direction", "action", "from", "to", "ports", "protocol"] as const;

/** Reads a saved register; a usage error that names the file when it is not one. */
export function parseSavedRegister(text: string, file: string): NamedRegister[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--diff ${file}: not JSON (${(e as Error).message})`);
  }
  const regs = (doc as { registers?: unknown })?.registers;
  if (!Array.isArray(regs)) {
    throw new UsageError(
      `--diff ${file}: not a saved register (no "registers" list); write one with \`paved register <dir> --format json\``,
    );
  }
  return regs.map((r: unknown, i: number) => {
    const reg = r as { title?: unknown; rules?: unknown };
    if (typeof reg?.title !== "string" || !Array.isArray(reg.rules)) {
      throw new UsageError(`--diff ${file}: registers[${i}] needs a "title" and a "rules" list`);
    }
    const rules = reg.rules.map((x: unknown, j: number) => {
      const rule = x as Record<string, unknown>;
      const missing = RULE_FIELDS.filter((f) => typeof rule?.[f] !== "string");
      if (missing.length > 0) {
        throw new UsageError(`--diff ${file}: registers[${i}].rules[${j}] has no ${missing.join(", ")}`);
      }
      return {
        ...rule,
        justification: String(rule.justification ?? ""),
        ticket: String(rule.ticket ?? ""),
      } as unknown as FirewallRule;
    });
    return { title: reg.title, rules };
  });
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", ["-C", cwd, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** The base as the command reads it: the registers, and the records when a program ran. */
export interface Base {
  readonly label: string;
  readonly registers: readonly NamedRegister[];
}

/**
 * Reads the base named by `spec`: a file is a saved register, a directory a
 * program, anything else a git ref of the repository holding `programDir`.
 */
export async function loadBase(
  spec: string,
  programDir: string,
  run: (dir: string) => Promise<CheckResource[]>,
): Promise<Base> {
  const stat = fs.statSync(spec, { throwIfNoEntry: false });
  if (stat?.isFile()) {
    return { label: spec, registers: parseSavedRegister(fs.readFileSync(spec, "utf8"), spec) };
  }
  if (stat?.isDirectory()) return { label: spec, registers: registersOf(await run(spec)) };
  return loadGitBase(spec, programDir, run);
}

async function loadGitBase(
  ref: string,
  programDir: string,
  run: (dir: string) => Promise<CheckResource[]>,
): Promise<Base> {
  let top: string;
  let sha: string;
  try {
    top = git(path.resolve(programDir), ["rev-parse", "--show-toplevel"]);
  } catch {
    throw new UsageError(
      `--diff ${ref}: not a file or a directory, and ${programDir} is not in a git repository to read a ref from`,
    );
  }
  try {
    sha = git(top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(
      `--diff ${ref}: not a file, a directory or a commit of ${top} (fetch it first: git fetch origin ${ref})`,
    );
  }
  const rel = path.relative(fs.realpathSync(top), fs.realpathSync(path.resolve(programDir)));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paved-base-"));
  const tree = path.join(tmp, "tree");
  try {
    git(top, ["worktree", "add", "--detach", "--quiet", tree, sha]);
    // Dependencies are not in git: the base runs with the current checkout's node_modules.
    const segments = rel === "" ? [] : rel.split(path.sep);
    for (let i = 0; i <= segments.length; i++) {
      const from = path.join(top, ...segments.slice(0, i), "node_modules");
      const to = path.join(tree, ...segments.slice(0, i), "node_modules");
      if (fs.existsSync(from) && fs.existsSync(path.dirname(to)) && !fs.existsSync(to)) {
        fs.symlinkSync(from, to, "junction");
      }
    }
    const baseDir = path.join(tree, rel);
    const label = `${ref} (${sha.slice(0, 12)})`;
    if (!["Pulumi.yaml", "Pulumi.yml"].some((f) => fs.existsSync(path.join(baseDir, f)))) {
      // A program the base does not have yet: every rule is new.
      return { label, registers: [] };
    }
    return { label, registers: registersOf(await run(baseDir)) };
  } finally {
    try {
      git(top, ["worktree", "remove", "--force", tree]);
    } catch {
      // Removed below; `git worktree prune` forgets it.
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    try {
      git(top, ["worktree", "prune"]);
    } catch {
      // Nothing to prune.
    }
  }
}
