/**
 * How `paved check` loads a user's program:
 * - TypeScript through sucrase: types stripped and imports rewritten to
 *   CommonJS, with no type-checking (that is the program's own `tsc`). About
 *   2 ms per small file, against seconds for ts-node's first compile.
 * - `import ... from "paved"` resolves to this very package when the program
 *   has no `paved` of its own installed (the examples in a clone, a program
 *   checked before `npm install`): the compiled library next to a compiled
 *   CLI, the TypeScript sources next to the sources.
 */
import * as fs from "fs";
import * as path from "path";

let registered = false;

/** The root of the `paved` package this CLI belongs to. */
export function ownPackageRoot(from: string = __dirname): string | undefined {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "paved") return dir;
      } catch {
        // keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where `paved` or `paved/<sub>` points inside this package, sources or compiled. */
export function ownModulePath(request: string, root: string, compiled: boolean): string | undefined {
  const sub = request === "paved" ? "" : request.slice("paved/".length);
  const target = sub === "" ? "components/index" : sub === "policies" ? "policies/pack" : sub;
  const candidates = compiled
    ? [path.join(root, "dist", `${target}.js`), path.join(root, "dist", target, "index.js")]
    : [
        path.join(root, `${target}.ts`),
        path.join(root, target, "index.ts"),
        path.join(root, `${target}.js`),
        path.join(root, "dist", `${target}.js`),
      ];
  return candidates.find((c) => fs.existsSync(c));
}

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;

function registerSelfResolution(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require("module") as { _resolveFilename: Resolve };
  const original = Module._resolveFilename;
  const root = ownPackageRoot();
  if (!root) return;
  const compiled = __filename.endsWith(".js");
  Module._resolveFilename = function (request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (e) {
      if (
        (request === "paved" || request.startsWith("paved/")) &&
        (e as { code?: string }).code === "MODULE_NOT_FOUND"
      ) {
        const own = ownModulePath(request, root, compiled);
        if (own) return own;
      }
      throw e;
    }
  };
}

/** Registers the `.ts` hook and the `paved` resolution once per process (idempotent). */
export function registerTypeScript(): void {
  if (registered) return;
  registered = true;
  registerSelfResolution();
  // Our own sources may already be hooked (the dev shim); a second hook would double-transform.
  if (require.extensions[".ts"]) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addHook } = require("sucrase/dist/register") as {
    addHook: (ext: string, opts: { transforms: string[] }, hook: { matcher: (f: string) => boolean }) => void;
  };
  // pirates already skips node_modules; declaration files hold no code.
  addHook(".ts", { transforms: ["imports", "typescript"] }, { matcher: (file) => !file.endsWith(".d.ts") });
}
