/**
 * `paved drift`: config keys that differ between two stacks and are not on the
 * allow-list of intended differences.
 *
 * Environments are meant to differ only where the platform team decided they
 * should (NAT strategy, alarm thresholds, retention...). Everything else that
 * differs is drift: a setting tried in staging and never promoted, a prod hotfix
 * never written back. CI runs `paved drift stacks/Pulumi.staging.yaml
 * stacks/Pulumi.prod.yaml` and fails on unexpected drift.
 *
 * The comparison is pure (`compareStackConfigs`); `runDrift` is the command.
 * Structured config values are flattened to paths (`platform:alarms.cpuPercent`),
 * so one threshold can be allowed to differ without allowing the whole object.
 * Secrets (`secure:` values) are compared by presence only: their ciphertexts
 * differ per stack by design.
 */
import * as fs from "fs";
import * as path from "path";
import { isMap, isScalar, isSeq, parse as parseYaml, parseDocument } from "yaml";

/** A flattened config value: a scalar's JSON text, or `<secret>` for an encrypted value. */
export type FlatConfig = ReadonlyMap<string, string>;

/** The placeholder for an encrypted value: present, never compared. */
export const SECRET = "<secret>";

/** One entry of the allow-list: a key (or `*` glob) that may differ, and why. */
export interface AllowEntry {
  /** A flattened key, `platform:natStrategy`, or a glob where `*` matches any run of characters: `platform:alarms.*`. */
  readonly key: string;
  /** Why the environments differ here. Required: an allow-list entry without a reason is refused. */
  readonly reason: string;
}

/** How a key differs. */
export type DriftKind = "changed" | "onlyInA" | "onlyInB";

/** One differing key. */
export interface DriftEntry {
  readonly key: string;
  readonly kind: DriftKind;
  /** The value in the first stack (undefined when absent). */
  readonly a?: string;
  /** The value in the second stack (undefined when absent). */
  readonly b?: string;
  /** The allow-list entry that covers it, if any. */
  readonly allowedBy?: AllowEntry;
}

/** The comparison of two stacks. */
export interface DriftReport {
  readonly a: string;
  readonly b: string;
  /** Differences no allow-list entry covers: these fail the run. */
  readonly unexpected: readonly DriftEntry[];
  /** Differences the allow-list covers. */
  readonly allowed: readonly DriftEntry[];
  /** Allow-list entries that matched no difference between these two stacks (informational). */
  readonly unusedAllowEntries: readonly AllowEntry[];
}

/** A problem with the input files or the arguments: the command exits 2. */
export class DriftInputError extends Error {
  constructor(
    message: string,
    /** True for a wrong command line: the usage is printed after the message. */
    readonly usage = false,
  ) {
    super(message);
    this.name = "DriftInputError";
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Flattens one value under `key`. Every leaf is compared as Pulumi hands it to
 * a program: config values are strings, so `1`, `"1"` and a nested `1` are
 * the same value (`"1"`). A `secure:` value is `<secret>`.
 */
function flattenInto(out: Map<string, string>, key: string, value: unknown, file: string): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "secure") {
      setOnce(out, key, SECRET, file);
      return;
    }
    if (keys.length === 0) {
      setOnce(out, key, "{}", file);
      return;
    }
    for (const k of keys) flattenInto(out, `${key}.${k}`, value[k], file);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) setOnce(out, key, "[]", file);
    value.forEach((v, i) => flattenInto(out, `${key}[${i}]`, v, file));
    return;
  }
  setOnce(out, key, JSON.stringify(value === null || value === undefined ? "" : String(value)), file);
}

/** A key written twice (`a.b` and `a: { b }`, or `size` and `proj:size`) is refused: which one wins is not obvious. */
function setOnce(out: Map<string, string>, key: string, value: string, file: string): void {
  if (out.has(key)) {
    throw new DriftInputError(
      `${file}: config key ${key} is set twice (a dotted key and a nested one, or a bare key and its project namespace); keep one`,
    );
  }
  out.set(key, value);
}

/** Options for reading a stack file. */
export interface StackConfigOptions {
  /** The project a bare key (`size`) belongs to: `size` is `<project>:size`, as the Pulumi CLI reads it. */
  readonly project?: string;
}

/**
 * Parses YAML without the parser's duplicate-key scan, which compares every
 * key with every earlier key of its map (20k keys took 7 s). Duplicates are
 * found here with a set instead, in one pass.
 */
export function parseYamlLinear(text: string, file: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { uniqueKeys: false });
  } catch (e) {
    throw new DriftInputError(`${file}: not valid YAML (${(e as Error).message.split("\n")[0]})`);
  }
  if (doc.errors.length > 0) {
    throw new DriftInputError(`${file}: not valid YAML (${doc.errors[0].message.split("\n")[0]})`);
  }
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(k))
          throw new DriftInputError(`${file}: not valid YAML (map key ${String(k)} appears twice)`);
        seen.add(k);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return doc.toJS({ maxAliasCount: -1 });
}

/**
 * Flattens a stack file's `config:` map. Throws a `DriftInputError` when the
 * text is not YAML or has no `config` map. A file with `config: {}` is valid.
 * Linear in the number of keys.
 */
export function parseStackConfig(text: string, file: string, opts: StackConfigOptions = {}): FlatConfig {
  return flattenStackDoc(parseYamlLinear(text, file), file, opts);
}

function flattenStackDoc(doc: unknown, file: string, opts: StackConfigOptions): FlatConfig {
  if (!isPlainObject(doc) || !("config" in doc)) {
    throw new DriftInputError(`${file}: no top-level "config:" map; is this a Pulumi.<stack>.yaml file?`);
  }
  const config = doc.config ?? {};
  if (!isPlainObject(config)) {
    throw new DriftInputError(`${file}: "config" is not a map of keys to values`);
  }
  const out = new Map<string, string>();
  for (const key of Object.keys(config)) {
    const full = key.includes(":") || !opts.project ? key : `${opts.project}:${key}`;
    flattenInto(out, full, config[key], file);
  }
  return out;
}

/** The project name from the nearest Pulumi.yaml at or above `dir` (for bare keys), if any. */
export function projectNameNear(dir: string): string | undefined {
  let d = dir;
  for (let i = 0; i < 4; i++) {
    const file = path.join(d, "Pulumi.yaml");
    if (fs.existsSync(file)) {
      try {
        const doc: unknown = parseYaml(fs.readFileSync(file, "utf8"));
        const name = isPlainObject(doc) ? doc.name : undefined;
        return typeof name === "string" && name ? name : undefined;
      } catch {
        return undefined;
      }
    }
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
  return undefined;
}

/**
 * Parses the allow-list (`allow: [{ key, reason }]`). Every entry needs a key
 * and a reason; all problems are reported together.
 */
export function parseAllowList(text: string, file: string): AllowEntry[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new DriftInputError(`${file}: not valid YAML (${(e as Error).message.split("\n")[0]})`);
  }
  if (doc === null || doc === undefined) return [];
  if (!isPlainObject(doc) || !Array.isArray(doc.allow)) {
    throw new DriftInputError(`${file}: expected a top-level "allow:" list of { key, reason }`);
  }
  const problems: string[] = [];
  const entries: AllowEntry[] = [];
  doc.allow.forEach((raw: unknown, i: number) => {
    const e = isPlainObject(raw) ? raw : {};
    const key = typeof e.key === "string" ? e.key.trim() : "";
    const reason = typeof e.reason === "string" ? e.reason.trim() : "";
    if (key === "")
      problems.push(`allow[${i}].key is required; name the config key, e.g. platform:natStrategy`);
    if (reason === "") {
      problems.push(`allow[${i}].reason is required; say why the environments differ (${key || "?"})`);
    }
    if (key !== "" && reason !== "") entries.push({ key, reason });
  });
  if (problems.length > 0) throw new DriftInputError(`${file}: ${problems.join("; ")}`);
  return entries;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

/** The first allow-list entry that covers `key`, if any. */
export function findAllowEntry(key: string, allow: readonly AllowEntry[]): AllowEntry | undefined {
  return allow.find((e) => (e.key.includes("*") ? globToRegExp(e.key).test(key) : e.key === key));
}

/**
 * Compares two flattened configs. Keys are reported in sorted order, so the
 * report is the same for the same files.
 */
export function compareStackConfigs(
  a: FlatConfig,
  b: FlatConfig,
  allow: readonly AllowEntry[],
  names: { a: string; b: string } = { a: "a", b: "b" },
): DriftReport {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const unexpected: DriftEntry[] = [];
  const allowed: DriftEntry[] = [];
  const used = new Set<AllowEntry>();
  for (const key of keys) {
    const va = a.get(key);
    const vb = b.get(key);
    if (va === vb) continue;
    const kind: DriftKind = va === undefined ? "onlyInB" : vb === undefined ? "onlyInA" : "changed";
    const allowedBy = findAllowEntry(key, allow);
    const entry: DriftEntry = { key, kind, a: va, b: vb, ...(allowedBy ? { allowedBy } : {}) };
    if (allowedBy) {
      used.add(allowedBy);
      allowed.push(entry);
    } else {
      unexpected.push(entry);
    }
  }
  return {
    a: names.a,
    b: names.b,
    unexpected,
    allowed,
    unusedAllowEntries: allow.filter((e) => !used.has(e)),
  };
}

function describe(e: DriftEntry, report: DriftReport): string {
  switch (e.kind) {
    case "changed":
      return `${e.key}: ${e.a} (${report.a}) ≠ ${e.b} (${report.b})`;
    case "onlyInA":
      return `${e.key}: only in ${report.a} (${e.a})`;
    case "onlyInB":
      return `${e.key}: only in ${report.b} (${e.b})`;
    default: {
      const never: never = e.kind;
      return never;
    }
  }
}

/** The report as text: unexpected drift first, then the intended differences, then a summary line. */
export function formatDriftText(report: DriftReport): string {
  const lines: string[] = [];
  if (report.unexpected.length > 0) {
    lines.push(`Unexpected drift (${report.unexpected.length}):`);
    for (const e of report.unexpected) lines.push(`  ✗ ${describe(e, report)}`);
    lines.push(
      "  Fix: make the stacks agree, or add the key with a reason to the allow-list if the difference is intended.",
    );
  }
  if (report.allowed.length > 0) {
    lines.push(`Intended differences (${report.allowed.length}):`);
    for (const e of report.allowed) lines.push(`  ✓ ${describe(e, report)} - ${e.allowedBy?.reason}`);
  }
  if (report.unusedAllowEntries.length > 0) {
    lines.push(
      `Allow-list entries with no difference here: ${report.unusedAllowEntries.map((e) => e.key).join(", ")}`,
    );
  }
  lines.push(
    `${report.a} vs ${report.b}: ${report.unexpected.length} unexpected, ${report.allowed.length} intended difference(s)`,
  );
  return lines.join("\n") + "\n";
}

/** The report as JSON, for tools. */
export function formatDriftJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** Where `runDrift` writes. Defaults to the process streams. */
export interface DriftIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly cwd: string;
}

/** The file name looked for beside the first stack file when `--allow` is not given. */
export const DEFAULT_ALLOW_FILE = "drift-allow.yaml";

export const DRIFT_USAGE = `Usage: paved drift <stack-a.yaml> <stack-b.yaml> [--allow <file>] [--project <name>] [--format text|json]
       paved drift <export-a.json> <export-b.json> [--allow <file>] [--format text|json]

Reports config keys that differ between two stack files and are not on the allow-list
(default: ${DEFAULT_ALLOW_FILE} beside the first file). A bare key (size) is the project's
(<project>:size; the project from --project or the nearest Pulumi.yaml). Given two stack exports
(pulumi stack export), compares the resources' inputs, matched by type and name
(keys: <type>::<name>.<input path>). Exit 0: no unexpected drift; 1: unexpected drift; 2: usage or
input error.
`;

interface DriftArgs {
  files: string[];
  allow?: string;
  project?: string;
  format: "text" | "json";
}

function parseArgs(argv: readonly string[]): DriftArgs {
  const files: string[] = [];
  let allow: string | undefined;
  let project: string | undefined;
  let format: "text" | "json" = "text";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new DriftInputError(`${flag} needs a value`, true);
      return v;
    };
    if (flag === "--allow") allow = value();
    else if (flag === "--project") project = value();
    else if (flag === "--format") {
      const f = value();
      if (f !== "text" && f !== "json")
        throw new DriftInputError(`--format ${f} is not supported; use text or json`, true);
      format = f;
    } else if (flag.startsWith("-")) throw new DriftInputError(`unknown option ${flag}`, true);
    else files.push(arg);
  }
  if (files.length !== 2) throw new DriftInputError(`expected two stack files, got ${files.length}`, true);
  return { files, allow, project, format };
}

function readText(file: string, shown: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new DriftInputError(`${shown}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Reads both files: two stack config files, or two stack exports (a mix is refused). */
async function readBoth(
  files: readonly [string, string],
  shown: readonly [string, string],
  project: string | undefined,
): Promise<[FlatConfig, FlatConfig, boolean]> {
  const docs = files.map((f, i) => parseYamlLinear(readText(f, shown[i]), shown[i]));
  const { isStackExport, flattenStackExport } = await import("./drift-export");
  const kinds = docs.map(isStackExport);
  if (kinds[0] !== kinds[1]) {
    throw new DriftInputError(
      `${shown[kinds[0] ? 0 : 1]} is a stack export and ${shown[kinds[0] ? 1 : 0]} is not; compare two stack files or two exports`,
      true,
    );
  }
  if (kinds[0]) return [flattenStackExport(docs[0], shown[0]), flattenStackExport(docs[1], shown[1]), true];
  const flat = docs.map((doc, i) =>
    flattenStackDoc(doc, shown[i], { project: project ?? projectNameNear(path.dirname(files[i])) }),
  );
  return [flat[0], flat[1], false];
}

/**
 * The `paved drift` command. `argv` holds the arguments after `drift`.
 * Returns the exit code: 0 no unexpected drift, 1 unexpected drift, 2 usage or input error.
 */
export async function runDrift(
  argv: readonly string[],
  io: DriftIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() },
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(DRIFT_USAGE);
    return 0;
  }
  try {
    const args = parseArgs(argv);
    const [fileA, fileB] = args.files.map((f) => path.resolve(io.cwd, f));
    const [a, b, areExports] = await readBoth([fileA, fileB], args.files as [string, string], args.project);
    const defaultAllow = path.join(path.dirname(fileA), DEFAULT_ALLOW_FILE);
    const allowFile = args.allow ? path.resolve(io.cwd, args.allow) : defaultAllow;
    const allowName = args.allow ?? path.relative(io.cwd, defaultAllow);
    const allow =
      args.allow || fs.existsSync(allowFile) ? parseAllowList(readText(allowFile, allowName), allowName) : [];
    const names = { a: args.files[0], b: args.files[1] };
    const report = areExports
      ? (await import("./drift-export")).compareStackExports(a, b, allow, names)
      : compareStackConfigs(a, b, allow, names);
    io.stdout.write(args.format === "json" ? formatDriftJson(report) : formatDriftText(report));
    return report.unexpected.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof DriftInputError) {
      io.stderr.write(`paved drift: ${e.message}\n`);
      if (e.usage) io.stderr.write(DRIFT_USAGE);
      return 2;
    }
    throw e;
  }
}
