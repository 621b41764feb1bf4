/**
 * The real Pulumi engine for tests: runs the CLI that `engine/build.sh` built,
 * with paved's Node language host and the offline stand-in providers, against a
 * `file://` backend in a temporary folder and a private PULUMI_HOME, with no
 * network. Each program runs from a copy (the CLI writes an encryption salt
 * into the stack's config file), whose node_modules link to this repository's.
 *
 * Results are read as data from the engine's event log (`--event-log`): the
 * URNs it registered and the policy events the pack sent.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..");
export const ENGINE_BIN = path.join(REPO, "engine", "bin");
export const PULUMI = path.join(ENGINE_BIN, "pulumi");
export const PULUMI_HOME = path.join(REPO, "engine", ".home");
export const POLICIES = path.join(REPO, "policies");

/** Builds (or reuses) the engine once per test run. */
export function ensureEngine(): void {
  execFileSync(path.join(REPO, "engine", "build.sh"), { stdio: ["ignore", "ignore", "inherit"] });
}

/** What a CLI run returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The engine's events, one object a line of the event log (empty without one). */
  readonly events: readonly EngineEvent[];
}

/** One line of the engine's event log (the fields the tests read). */
export interface EngineEvent {
  readonly resourcePreEvent?: {
    metadata: {
      urn: string;
      type: string;
      op: string;
      old?: unknown;
      new?: { parent?: string };
      diffs?: string[];
    };
  };
  readonly resOutputsEvent?: {
    metadata: { urn: string; type: string; op: string; new?: { inputs?: Record<string, unknown> } };
  };
  readonly policyEvent?: {
    resourceUrn?: string;
    message: string;
    policyName: string;
    policyPackName: string;
    enforcementLevel: string;
  };
  readonly diagnosticEvent?: { urn?: string; message: string; severity: string };
  readonly summaryEvent?: { resourceChanges?: Record<string, number> };
}

/** A program copied into a temporary folder, with its own backend. */
export interface Workspace {
  readonly dir: string;
  readonly stack: string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs `pulumi <args>` in the program's folder; `events: true` adds `--event-log`. */
  pulumi(args: readonly string[], opts?: { events?: boolean; env?: NodeJS.ProcessEnv }): CliResult;
  remove(): void;
}

/** The links a copied program needs to resolve the SDKs and `paved` from this repository. */
function linkModules(dir: string): void {
  const nm = path.join(dir, "node_modules");
  fs.mkdirSync(nm, { recursive: true });
  for (const mod of ["@pulumi", "@types", "typescript"]) {
    const target = path.join(REPO, "node_modules", mod);
    if (!fs.existsSync(path.join(nm, mod))) fs.symlinkSync(target, path.join(nm, mod));
  }
  // `paved` as the source tree: the program's ts-node compiles it (transpile only), as `paved check` loads it.
  const paved = path.join(nm, "paved");
  fs.mkdirSync(paved, { recursive: true });
  fs.writeFileSync(
    path.join(paved, "package.json"),
    JSON.stringify({ name: "paved", version: "0.1.0", main: "index.js" }),
  );
  fs.writeFileSync(
    path.join(paved, "index.js"),
    `module.exports = require(${JSON.stringify(path.join(REPO, "components", "index.ts"))});\n`,
  );
}

/** Copies a program (its folder, without node_modules) and initialises `stack` on a fresh file backend. */
export function workspace(
  source: string,
  stack: string,
  opts: { extra?: (dir: string) => void } = {},
): Workspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "paved-engine-"));
  const dir = path.join(root, "program");
  fs.cpSync(source, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes("node_modules") });
  linkModules(dir);
  opts.extra?.(dir);
  fs.mkdirSync(path.join(root, "state"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    PULUMI_HOME,
    PULUMI_BACKEND_URL: `file://${path.join(root, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "paved-engine-tests",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    // Type-checking is `npm run typecheck`'s job; the engine tests transpile only.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    NO_COLOR: "1",
    // --event-log is a debug flag in 3.248: the Automation API sets this too.
    PULUMI_DEBUG_COMMANDS: "true",
  };
  let n = 0;
  const ws: Workspace = {
    dir,
    stack,
    env,
    pulumi(args, o = {}) {
      const log = path.join(root, `events-${++n}.jsonl`);
      const full = [...args, "--non-interactive", ...(o.events ? ["--event-log", log] : [])];
      const r = spawnSync(PULUMI, full, {
        cwd: dir,
        env: { ...env, ...o.env },
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        timeout: 300_000,
      });
      const events = o.events && fs.existsSync(log) ? readEvents(log) : [];
      return { code: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "", events };
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  const init = ws.pulumi(["stack", "init", stack]);
  if (init.code !== 0) throw new Error(`pulumi stack init ${stack} failed:\n${init.stderr}${init.stdout}`);
  return ws;
}

function readEvents(file: string): EngineEvent[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EngineEvent);
}

/** Each registered resource's parent URN, by URN (the stack itself and providers left out). */
export function registeredParents(events: readonly EngineEvent[]): Record<string, string | undefined> {
  const parents: Record<string, string | undefined> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (!m) continue;
    if (m.type === "pulumi:pulumi:Stack" || m.type.startsWith("pulumi:providers:")) continue;
    parents[m.urn] = m.new?.parent;
  }
  return parents;
}

/** The URNs the engine registered in a preview or update (the stack itself and providers left out). */
export function registeredUrns(events: readonly EngineEvent[]): string[] {
  return Object.keys(registeredParents(events)).sort();
}

/** One policy finding as `policy urn level`, for set comparisons. */
export interface Finding {
  readonly policy: string;
  readonly urn: string;
  readonly level: string;
  readonly message: string;
}

/** The policy events of the paved pack. */
export function policyFindings(events: readonly EngineEvent[]): Finding[] {
  return events
    .filter((e) => e.policyEvent && e.policyEvent.policyPackName === "paved")
    .map((e) => ({
      policy: e.policyEvent!.policyName,
      urn: e.policyEvent!.resourceUrn ?? "",
      level: e.policyEvent!.enforcementLevel,
      message: e.policyEvent!.message,
    }));
}

/** The steps a preview plans, by operation (`same`, `create`, `update`, `replace`, ...). */
export function stepsByOp(events: readonly EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (!m || m.type === "pulumi:pulumi:Stack") continue;
    (out[m.op] ??= []).push(m.urn);
  }
  return out;
}

/** The JSON report of `paved check` for a program folder (run as the CLI runs). */
export interface CheckReport {
  violations: { policy: string; level: string; urn: string; message: string }[];
  resources: { urn: string; type: string; name: string; parent?: string }[];
  summary: { mandatory: number; passed: boolean };
}

/** Runs `paved check <dir> --format json` with the given extra flags. */
export function pavedCheck(dir: string, flags: readonly string[] = []): CheckReport {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, "bin", "paved.js"), "check", dir, "--format", "json", ...flags],
    {
      cwd: REPO,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    },
  );
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`paved check ${dir} exited ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as CheckReport;
}

/** The pack config file for a stage. */
export function packConfig(stage: "dev" | "staging" | "prod"): string {
  return path.join(POLICIES, "config", `${stage}.json`);
}
