/**
 * The publishable policy pack (`npm run build:pack`): a directory that
 * `pulumi policy publish` can upload as it is. The service installs the
 * dependencies its package.json declares and nothing else, so the pack must
 * not reach into the repository (../components, the root node_modules).
 *
 * The pack is built into a temporary directory outside the repository (no
 * node_modules in any parent directory) whose node_modules holds symlinks to
 * the declared dependencies only: a require of anything else fails there, as
 * it would after publishing. One build is shared by every assertion.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import { builtinModules, createRequire } from "module";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { startAnalyzer } from "../../cli/engine/analyzer";
import { packArgs } from "../../policies/pack";

const ROOT = path.resolve(__dirname, "../..");
const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string }>;
};

interface Manifest {
  name: string;
  version: string;
  main: string;
  dependencies: Record<string, string>;
}

let work = "";
let pack = "";
let manifest: Manifest;

/** Every file under `dir`, relative, skipping node_modules. */
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => !f.split(path.sep).includes("node_modules"))
    .sort();
}

/** The specifiers of every `require(...)` in a JavaScript file; a computed one as `<computed ...>`. */
function requiresIn(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require") {
      const [arg] = node.arguments;
      found.push(arg && ts.isStringLiteralLike(arg) ? arg.text : `<computed ${node.getText(source)}>`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "paved-policy-pack-"));
  pack = path.join(work, "pack");
  // Outside the repository, nothing above the pack may provide a module.
  for (let dir = work; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "node_modules"))) {
      throw new Error(`${dir}/node_modules would let the pack load undeclared packages`);
    }
    if (path.dirname(dir) === dir) break;
  }
  const r = spawnSync("npm", ["run", "--silent", "build:pack", "--", "--out", pack], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (r.status !== 0) throw new Error(`npm run build:pack failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  manifest = JSON.parse(fs.readFileSync(path.join(pack, "package.json"), "utf8")) as Manifest;
  // What the service's install provides: the declared dependencies, nothing else.
  for (const name of Object.keys(manifest.dependencies)) {
    const link = path.join(pack, "node_modules", name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", name), link, "dir");
  }
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the assembled pack directory", () => {
  test("has the manifest, the entry, and compiled policies and components side by side", () => {
    const files = filesIn(pack);
    expect(files).toEqual(expect.arrayContaining(["PulumiPolicy.yaml", "package.json", manifest.main]));
    expect(files).toContain(path.join("policies", "pack.js"));
    expect(files.some((f) => f.startsWith(`components${path.sep}`) && f.endsWith(".js"))).toBe(true);
    expect(fs.readFileSync(path.join(pack, "PulumiPolicy.yaml"), "utf8")).toBe(
      fs.readFileSync(path.join(ROOT, "policies", "PulumiPolicy.yaml"), "utf8"),
    );
  });

  test("needs no TypeScript at run time: no .ts sources, and the entry loads compiled files", () => {
    expect(filesIn(pack).filter((f) => f.endsWith(".ts"))).toEqual([]);
    expect(requiresIn(path.join(pack, manifest.main))).toContain("./policies/index.js");
    // ... after installing paved's Analyze handlers, as the source entry (policies/run.js) does.
    expect(requiresIn(path.join(pack, manifest.main))).toContain("./policies/lib/serve.js");
  });

  test("package.json carries the library's version and pins dependencies as the root does", () => {
    expect(manifest.version).toBe(root.version);
    expect(manifest.name).toBe(root.name);
    expect(manifest.dependencies["@pulumi/policy"]).toBe(root.dependencies["@pulumi/policy"]);
    expect(manifest.dependencies["@pulumi/pulumi"]).toBe(root.dependencies["@pulumi/pulumi"]);
    for (const [name, version] of Object.entries(manifest.dependencies)) {
      expect([name, name in root.dependencies]).toEqual([name, true]);
      expect([name, version]).toEqual([name, lock.packages[`node_modules/${name}`]?.version]);
    }
  });

  test("every require resolves inside the pack or to a declared dependency, and every dependency is used", () => {
    const declared = new Set(Object.keys(manifest.dependencies));
    const required = new Set<string>();
    const problems: string[] = [];
    for (const rel of filesIn(pack).filter((f) => f.endsWith(".js"))) {
      const file = path.join(pack, rel);
      const req = createRequire(file);
      for (const spec of requiresIn(file)) {
        if (spec.startsWith("<computed")) {
          problems.push(`${rel}: ${spec}`);
        } else if (spec.startsWith(".")) {
          let target = "";
          try {
            target = req.resolve(spec);
          } catch {
            problems.push(`${rel}: ${spec} does not resolve`);
            continue;
          }
          if (path.relative(pack, target).startsWith("..")) problems.push(`${rel}: ${spec} leaves the pack`);
        } else if (!(spec.startsWith("node:") || builtinModules.includes(spec))) {
          const name = packageOf(spec);
          required.add(name);
          if (!declared.has(name)) problems.push(`${rel}: ${spec} is not a declared dependency`);
          else req.resolve(spec); // throws when the declared package does not provide it
        }
      }
    }
    expect(problems).toEqual([]);
    // Exactly what the code requires, plus the engine's runner package.
    expect([...declared].sort()).toEqual([...new Set([...required, "@pulumi/pulumi"])].sort());
  });
});

describe("packed for publishing", () => {
  test("npm pack in the pack directory (how a Node.js pack is uploaded) takes every file but node_modules", () => {
    const r = spawnSync("npm", ["pack", "--dry-run", "--json"], {
      cwd: pack,
      encoding: "utf8",
      env: { ...process.env, npm_config_update_notifier: "false" },
    });
    expect(r.status).toBe(0);
    const [packed] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
    const packedFiles = packed.files.map((f) => f.path.split("/").join(path.sep)).sort();
    expect(packedFiles).toEqual(filesIn(pack));
  });
});

describe("started the way the engine starts it", () => {
  test("serves every policy of the pack, as paved at the library's version", async () => {
    const analyzer = await startAnalyzer({ packDir: pack, transport: "process", env: { NODE_PATH: "" } });
    try {
      const info = await analyzer.info();
      expect(info.name).toBe("paved");
      expect(info.version).toBe(root.version);
      expect(info.policies.map((p) => p.name)).toEqual((packArgs.policies ?? []).map((p) => p.name));
    } finally {
      await analyzer.close();
    }
  });
});

describe("the build's compile step, require walk and version pins", () => {
  const { compile, walkRequires, pinnedDependencies } = require("../../scripts/build-policy-pack.js") as {
    compile: (outDir: string, root: string, roots: string[]) => string[];
    pinnedDependencies: (names: string[], problems: string[]) => Record<string, string>;
    walkRequires: (
      packDir: string,
      entry: string,
    ) => { packages: string[]; reached: Set<string>; problems: string[] };
  };

  test("compiles what the roots import, side by side: types stripped, JSON copied, a missing or outside import named", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-compile-"));
    try {
      const src = path.join(dir, "src");
      const out = path.join(dir, "out");
      const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
        fs.writeFileSync(path.join(src, rel), text);
      };
      write(
        "entry.ts",
        [
          'import type { Shape } from "./types";',
          'import { double } from "./lib";',
          'import data from "./data.json";',
          'import { gone } from "./missing";',
          'import { away } from "../outside";',
          "export const shape: Shape = { size: double(data.size) };",
          "export class Holder { readonly items: string[] = []; }",
          "export const used = [gone, away];",
        ].join("\n"),
      );
      write("types.ts", "export interface Shape { size: number }");
      write("lib/index.ts", "export function double(n: number): number { return n * 2; }");
      write("data.json", '{ "size": 21 }');
      fs.writeFileSync(path.join(dir, "outside.ts"), "export const away = 1;");
      write("bad.ts", "export const = ;");

      expect(compile(out, src, ["entry.ts"])).toEqual([
        'entry.ts: import "./missing" names no source file',
        `${path.join("..", "outside.ts")} is outside the sources (${src})`,
      ]);
      // A type-only import is no module at run time, so it is not compiled.
      expect(filesIn(out)).toEqual(["data.json", "entry.js", path.join("lib", "index.js")]);
      const entry = fs.readFileSync(path.join(out, "entry.js"), "utf8");
      expect(entry).not.toMatch(/Shape|: number|readonly/);
      expect(entry).toMatch(/require\("\.\/lib"\)/);
      expect(entry).toMatch(/items = \[\]/);
      expect(fs.readFileSync(path.join(out, "lib", "index.js"), "utf8")).toMatch(/function double\(n\)/);
      expect(compile(path.join(dir, "out2"), src, ["bad.ts"])).toEqual([
        expect.stringMatching(/^bad\.ts does not compile: .+/s),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("follows relative requires, names packages, and rejects what would break a published pack", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-walk-"));
    try {
      const packDir = path.join(dir, "pack");
      fs.mkdirSync(path.join(packDir, "lib"), { recursive: true });
      fs.writeFileSync(path.join(dir, "outside.js"), "");
      fs.writeFileSync(
        path.join(packDir, "index.js"),
        'require("./lib"); require("fs"); require("node:path");',
      );
      fs.writeFileSync(
        path.join(packDir, "lib", "index.js"),
        [
          'require("@scope/pkg/sub");',
          'require("plain/deep/file");',
          'const s = "require(\\"in-a-string\\")";',
          'require("../../outside");',
          'require("./missing");',
          "require(s);",
        ].join("\n"),
      );
      const walk = walkRequires(packDir, path.join(packDir, "index.js"));
      expect(walk.packages).toEqual(["@scope/pkg", "plain"]);
      expect([...walk.reached].map((f) => path.relative(packDir, f)).sort()).toEqual([
        "index.js",
        path.join("lib", "index.js"),
      ]);
      expect(walk.problems).toEqual([
        `${path.join("lib", "index.js")}: computed require(s) cannot be checked`,
        `${path.join("lib", "index.js")}: require("../../outside") leaves the pack directory`,
        `${path.join("lib", "index.js")}: require("./missing") names no file`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("pins a runtime dependency to the lock's version and refuses a dev-only or unknown package", () => {
    const problems: string[] = [];
    const pins = pinnedDependencies(["yaml", "prettier", "left-pad-not-here"], problems);
    expect(pins).toEqual({ yaml: lock.packages["node_modules/yaml"]?.version });
    expect(problems).toEqual([
      `prettier is required by the pack but is not in paved's package.json "dependencies"`,
      `left-pad-not-here is required by the pack but is not in paved's package.json "dependencies"`,
    ]);
  });
});
