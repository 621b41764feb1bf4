/**
 * Reads a Pulumi project as the Pulumi CLI would: Pulumi.yaml (name, main,
 * stackConfigDir, project config defaults) and the stack's Pulumi.<stack>.yaml.
 * Pure file reading; no Pulumi runtime.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "./errors";

/** A project ready to run. */
export interface PulumiProject {
  readonly dir: string;
  readonly name: string;
  /** The absolute path of the program's entry module. */
  readonly entry: string;
  readonly stack: string;
  /** The stack config file read, if any. */
  readonly stackConfigFile?: string;
  /** Full keys (`aws:region`, `<project>:size`) to string values, as the language host passes them. */
  readonly config: Record<string, string>;
  /** Full keys whose values are secrets (`secure:` in the stack file); their values are masked. */
  readonly secretKeys: readonly string[];
}

/** The value a secure config entry takes: the CLI has no key to decrypt it, so it stays masked. */
export const MASKED_SECRET = "[secret]";

type YamlDoc = Record<string, unknown>;

function readYaml(file: string): YamlDoc {
  // js-yaml, not yaml: @pulumi/pulumi loads this very copy anyway, so reading
  // Pulumi.yaml costs about 8 ms instead of yaml's 55 ms before the pack can start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require("js-yaml") as typeof import("js-yaml");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    const doc: unknown = YAML.load(text);
    if (doc == null) return {};
    if (typeof doc !== "object" || Array.isArray(doc)) throw new Error("expected a mapping at the top level");
    return doc as YamlDoc;
  } catch (e) {
    throw new UsageError(`${file} is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** Qualifies a config key the way Pulumi does: a bare key belongs to the project's namespace. */
export function fullKey(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

/** Config values reach programs as strings; objects and arrays as JSON, as the language host does. */
function configString(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

function isSecure(v: unknown): v is { secure: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { secure?: unknown }).secure === "string"
  );
}

/** True when a config value holds a `secure:` entry anywhere inside it. */
function containsSecure(v: unknown): boolean {
  if (isSecure(v)) return true;
  if (Array.isArray(v)) return v.some(containsSecure);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsSecure);
  return false;
}

/** Replaces each `secure:` leaf with the mask. */
function maskSecure(v: unknown): unknown {
  if (isSecure(v)) return MASKED_SECRET;
  if (Array.isArray(v)) return v.map(maskSecure);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskSecure(x)]));
  }
  return v;
}

/** A file that exists, or its TypeScript source when a `.js` path names one (as TypeScript's ESM imports do). */
function existingFile(p: string): string | undefined {
  if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  const ts = p.replace(/\.(m|c)?js$/, ".$1ts");
  if (ts !== p && fs.existsSync(ts) && fs.statSync(ts).isFile()) return ts;
  return undefined;
}

/** The entry a package.json names, as the language host reads it: `exports` (".": default, require, import), then `main`. */
function packageEntry(dir: string): string | undefined {
  const pkg = path.join(dir, "package.json");
  if (!fs.existsSync(pkg)) return undefined;
  let doc: { exports?: unknown; main?: unknown };
  try {
    doc = JSON.parse(fs.readFileSync(pkg, "utf8")) as typeof doc;
  } catch (e) {
    throw new UsageError(`${pkg} is not valid JSON: ${(e as Error).message}`);
  }
  const exp = doc.exports;
  if (typeof exp === "string") return exp;
  if (typeof exp === "object" && exp !== null) {
    const main = (exp as Record<string, unknown>)["."];
    if (typeof main === "string") return main;
    if (typeof main === "object" && main !== null) {
      const m = main as Record<string, unknown>;
      const pick = m.default ?? m.require ?? m.import;
      if (typeof pick === "string") return pick;
    }
  }
  return typeof doc.main === "string" && doc.main ? doc.main : undefined;
}

/**
 * Finds the program's entry module as the Node language host does: Pulumi.yaml's
 * `main` (a file or a directory), else the package.json's `exports` or `main`,
 * else the directory's index (index.ts, index.js). A `.js` path whose file is
 * missing resolves to its `.ts` source.
 */
function resolveEntry(dir: string, main: unknown): string {
  const fromPulumi = typeof main === "string" && main.length > 0;
  const base = fromPulumi ? path.resolve(dir, main) : dir;
  const candidates: string[] = [base];
  const pkgMain =
    fromPulumi && fs.existsSync(base) && fs.statSync(base).isFile() ? undefined : packageEntry(base);
  if (pkgMain) candidates.push(path.resolve(base, pkgMain));
  candidates.push(
    path.join(base, "index.ts"),
    path.join(base, "index.js"),
    path.join(base, "index.mts"),
    path.join(base, "index.mjs"),
  );
  for (const c of candidates) {
    const f = existingFile(c);
    if (f) return f;
  }
  throw new UsageError(
    `no program entry in ${dir}: expected ${fromPulumi ? `main "${main as string}"` : pkgMain ? `package.json main "${pkgMain}"` : "index.ts or index.js"}`,
  );
}

/** Stack names as Pulumi accepts them; checked before a name becomes a file path. */
const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/** Refuses a stack name that is not Pulumi's (and so could escape the config directory). */
export function validateStackName(stack: string): void {
  if (!STACK_NAME.test(stack) || stack.includes("..")) {
    throw new UsageError(
      `invalid stack name "${stack}": use letters, digits, "-", "_" and "." (no "/" or ".."); for an org/project/stack name, give the stack alone`,
    );
  }
}

/** Refuses a project whose runtime is not Node.js: paved runs Node.js programs only. */
function checkRuntime(manifestFile: string, runtime: unknown): void {
  const name =
    typeof runtime === "string"
      ? runtime
      : typeof runtime === "object" && runtime !== null
        ? (runtime as { name?: unknown }).name
        : undefined;
  if (name === undefined)
    throw new UsageError(`${manifestFile} has no runtime; paved check runs "runtime: nodejs" programs`);
  if (name !== "nodejs") {
    throw new UsageError(
      `${manifestFile}: runtime "${String(name)}" is not supported; paved check runs Node.js programs (runtime: nodejs)`,
    );
  }
}

/** The stack used when none is named. */
export const DEFAULT_STACK = "dev";

/**
 * Loads the project in `dir` for `stack` (default {@link DEFAULT_STACK}).
 * A stack named explicitly must have its config file; the default stack may
 * run on the project's defaults alone. Throws a {@link UsageError} for
 * anything missing or malformed.
 */
export function loadProject(dir: string, explicitStack?: string): PulumiProject {
  const stack = explicitStack ?? DEFAULT_STACK;
  validateStackName(stack);
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    throw new UsageError(`program directory not found: ${dir}`);
  }
  const manifestFile = ["Pulumi.yaml", "Pulumi.yml"]
    .map((f) => path.join(abs, f))
    .find((f) => fs.existsSync(f));
  if (!manifestFile) throw new UsageError(`no Pulumi.yaml in ${dir}: not a Pulumi project`);
  const manifest = readYaml(manifestFile);
  const name = manifest.name;
  if (typeof name !== "string" || name.length === 0) {
    throw new UsageError(`${manifestFile} has no project name`);
  }
  checkRuntime(manifestFile, manifest.runtime);
  const entry = resolveEntry(abs, manifest.main);

  const config: Record<string, string> = {};
  const secretKeys = new Set<string>();
  // Project-level config: `key: value`, `key: {default: v}` or `key: {value: v}`; pulumi:* keys are the engine's.
  const projectConfig = (manifest.config ?? {}) as YamlDoc;
  for (const [k, raw] of Object.entries(projectConfig)) {
    const key = fullKey(name, k);
    if (key.startsWith("pulumi:")) continue;
    const v =
      typeof raw === "object" && raw !== null && !Array.isArray(raw) && ("default" in raw || "value" in raw)
        ? ((raw as YamlDoc).value ?? (raw as YamlDoc).default)
        : typeof raw === "object" && raw !== null && !Array.isArray(raw) && "type" in raw
          ? undefined
          : raw;
    if (v !== undefined) config[key] = configString(v);
  }

  const configDir =
    typeof manifest.stackConfigDir === "string" ? path.resolve(abs, manifest.stackConfigDir) : abs;
  const stackFile = ["yaml", "yml"]
    .map((e) => path.join(configDir, `Pulumi.${stack}.${e}`))
    .find(fs.existsSync);
  if (!stackFile && explicitStack !== undefined) {
    throw new UsageError(
      `no config for stack "${stack}": ${path.relative(process.cwd(), path.join(configDir, `Pulumi.${stack}.yaml`))} does not exist`,
    );
  }
  if (stackFile) {
    const doc = readYaml(stackFile);
    const stackConfig = (doc.config ?? {}) as YamlDoc;
    if (typeof stackConfig !== "object" || Array.isArray(stackConfig)) {
      throw new UsageError(`${stackFile}: config must be a mapping`);
    }
    for (const [k, v] of Object.entries(stackConfig)) {
      const key = fullKey(name, k);
      if (key.startsWith("pulumi:")) continue;
      if (containsSecure(v)) {
        secretKeys.add(key);
        config[key] = configString(maskSecure(v));
      } else {
        config[key] = configString(v);
      }
    }
  }
  return {
    dir: abs,
    name,
    entry,
    stack,
    stackConfigFile: stackFile,
    config,
    secretKeys: [...secretKeys].sort(),
  };
}
