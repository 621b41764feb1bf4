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

/** Finds the program's entry module: `main` (file or directory) or index.ts/index.js. */
function resolveEntry(dir: string, main: unknown): string {
  const base = typeof main === "string" && main.length > 0 ? path.resolve(dir, main) : dir;
  const candidates = [base];
  if (!/\.[cm]?[jt]s$/.test(base)) candidates.push(path.join(base, "index.ts"), path.join(base, "index.js"));
  for (const c of candidates) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  // A package.json `main`, as Node programs may use.
  const pkg = path.join(base, "package.json");
  if (fs.existsSync(pkg)) {
    try {
      const m = (JSON.parse(fs.readFileSync(pkg, "utf8")) as { main?: string }).main;
      if (m) {
        const p = path.resolve(base, m);
        if (fs.existsSync(p)) return p;
      }
    } catch {
      // fall through to the error below
    }
  }
  throw new UsageError(
    `no program entry in ${dir}: expected ${typeof main === "string" ? `main "${main}"` : "index.ts or index.js"}`,
  );
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
