/**
 * How `paved check` loads a user's program:
 * - TypeScript through sucrase: types stripped and imports rewritten to
 *   CommonJS, with no type-checking (that is the program's own `tsc`). About
 *   2 ms per small file, against seconds for ts-node's first compile; with a
 *   content-addressed cache, a warm run reads the output and never loads sucrase.
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

/**
 * Sucrase's options for TypeScript: types stripped, ESM imports to CommonJS,
 * line numbers kept. Modern syntax stays as written (`disableESTransforms`):
 * Node runs optional chaining, `??` and class fields natively, as the
 * ES2022 build emits them, while sucrase's down-levelled forms allocate a
 * closure or an array at every `?.` and `??` (measured: a tenth of the
 * policy pack's time on a large stack).
 */
const SUCRASE_OPTIONS = {
  transforms: ["typescript", "imports"] as ("typescript" | "imports")[],
  disableESTransforms: true,
};

/**
 * Where transpiled files are cached: `node_modules/.cache/paved/ts` in the
 * package (as babel and eslint do), else the OS temp directory.
 */
function cacheDir(root: string | undefined): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require("os") as typeof import("os");
  const candidates = [
    ...(process.env.PAVED_CACHE_DIR ? [process.env.PAVED_CACHE_DIR] : []),
    ...(root ? [path.join(root, "node_modules", ".cache", "paved", "ts")] : []),
    path.join(
      os.tmpdir(),
      `paved-ts-cache-${typeof process.getuid === "function" ? process.getuid() : "user"}`,
    ),
  ];
  for (const dir of candidates) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
      return dir;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/**
 * Transpiles one TypeScript file, through a content-addressed cache: the key
 * is a hash of the sucrase version, its options, the path and the source, so
 * an edit is never served stale and a warm run never loads sucrase. Source
 * maps are not generated: sucrase keeps line numbers, so stack traces already
 * point at the right TypeScript line.
 */
export function makeTranspiler(dir: string | undefined): (code: string, file: string) => string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const crypto = require("crypto") as typeof import("crypto");
  let sucrase: typeof import("sucrase") | undefined;
  let version: string | undefined;
  const sucraseVersion = () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (version ??= (require("sucrase/package.json") as { version: string }).version);
  return (code, file) => {
    let cached: string | undefined;
    if (dir) {
      const key = crypto
        .createHash("sha256")
        .update(`${sucraseVersion()}\0${JSON.stringify(SUCRASE_OPTIONS)}\0${file}\0`)
        .update(code)
        .digest("hex");
      cached = path.join(dir, `${key}.js`);
      try {
        return fs.readFileSync(cached, "utf8");
      } catch {
        // a miss: transpile below
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sucrase ??= require("sucrase") as typeof import("sucrase");
    const out = sucrase.transform(code, { ...SUCRASE_OPTIONS, filePath: file }).code;
    if (cached) {
      // Write then rename: a concurrent reader never sees half a file.
      const tmp = `${cached}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, out);
        fs.renameSync(tmp, cached);
      } catch {
        // a read-only cache only costs speed
      }
    }
    return out;
  };
}

type Compile = (this: unknown, code: string, file: string) => unknown;

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * The SDK modules `@pulumi/pulumi/runtime` loads eagerly but a program under
 * mocks (and a policy pack) only needs when it serializes a function (a
 * Lambda callback, a dynamic provider): closure serialization pulls in the
 * TypeScript compiler (about 0.15 s) and npm's arborist, pacote and sigstore
 * (about 0.1 s). Each maps a file suffix to the functions it exports: the runtime's index
 * copies those functions as it loads, so a {@link lazyNamespace} would be read, and loaded, at once.
 */
const DEFERRED_SDK_MODULES: Readonly<Record<string, readonly string[]>> = {
  [["@pulumi", "pulumi", "runtime", "closure", "serializeClosure.js"].join(path.sep)]: [
    "serializeFunction",
    "serializeFunctionAsync",
  ],
  [["@pulumi", "pulumi", "runtime", "closure", "codePaths.js"].join(path.sep)]: [
    "computeCodePaths",
    "findWorkspaceRoot",
  ],
};

/**
 * Modules the Pulumi SDKs require when they load but use only inside functions that
 * a program under mocks never calls (and a policy pack only once it serves over gRPC),
 * each answered with a {@link lazyNamespace} until first use. Per `paved check`
 * program process (bench/RESULTS.md, "Test-suite budget, sixth round"):
 * - `pulumi.automation`, which `@pulumi/pulumi`'s index binds: about 80 modules
 *   (execa, tmp, js-yaml and their kin), 30 to 40 ms;
 * - `@grpc/grpc-js` and the generated `*_grpc_pb` service modules (which build their
 *   clients with it as they load): 70 modules, about 90 ms; the mock engine speaks no gRPC;
 * - `@opentelemetry/api` (44 modules: the SDK's trace propagation) and `semver` (47: provider
 *   versions, loaded at once by the first provider module that registers itself).
 * Each is an object namespace, never a callable export (a Proxy over `{}` cannot be called).
 */
const SDK_FILE = /[\\/]node_modules[\\/]@pulumi[\\/](?:pulumi|policy)[\\/]/;
const PULUMI_INDEX = ["@pulumi", "pulumi", "index.js"].join(path.sep);

const DEFERRED_PACKAGES = new Set(["@grpc/grpc-js", "@opentelemetry/api", "semver"]);
const GRPC_SERVICE = /^(?:\.\.\/proto|@pulumi\/pulumi\/proto)\/[a-z]+_grpc_pb$/;

/** Whether `request`, made by the module in `parentFile` as it loads, gets a lazy namespace. */
export function isDeferredSdkRequest(request: string, parentFile: string | undefined): boolean {
  const named =
    request === "./automation"
      ? parentFile?.endsWith(PULUMI_INDEX) === true
      : DEFERRED_PACKAGES.has(request) || (request.endsWith("_grpc_pb") && GRPC_SERVICE.test(request));
  return named && parentFile !== undefined && SDK_FILE.test(parentFile);
}

/**
 * A namespace object that loads `real` on first use and forwards to it: reading,
 * enumerating, `in` and writing all reach the real module's exports, so its classes
 * and functions are the real ones. Only `__esModule` (which TypeScript's
 * `__importStar` asks when the index binds the namespace) answers without loading.
 */
export function lazyNamespace(real: () => object): object {
  return new Proxy(
    {},
    {
      get: (_target, key) => (key === "__esModule" ? true : Reflect.get(real(), key)),
      has: (_target, key) => Reflect.has(real(), key),
      ownKeys: () => Reflect.ownKeys(real()),
      // Reported configurable: the empty target does not hold the property (a Proxy invariant).
      getOwnPropertyDescriptor: (_target, key) => {
        const d = Reflect.getOwnPropertyDescriptor(real(), key);
        return d && { ...d, configurable: true };
      },
      set: (_target, key, value) => Reflect.set(real(), key, value),
      defineProperty: (_target, key, d) => Reflect.defineProperty(real(), key, d),
      deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    },
  );
}

/**
 * Defers the modules of {@link DEFERRED_SDK_MODULES} (stand-in functions) and the
 * requests {@link isDeferredSdkRequest} names (lazy namespaces): until they are used,
 * `require` returns stand-ins that load the real module on first use and forward to it,
 * so behaviour is the same and only the load moves. Idempotent; a module already loaded
 * is returned as it is. test/helpers/sdk-deferred.test.ts pins the SDK requests this relies on.
 */
export function deferSdkInternals(): void {
  const flag = Symbol.for("paved.defer-sdk");
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[flag]) return;
  g[flag] = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require("module") as {
    _load: Load;
    _resolveFilename: (request: string, parent: unknown, isMain: boolean) => string;
    _cache: Record<string, unknown>;
  };
  const load = Module._load;
  const standIns = new Map<string, Record<string, unknown>>();
  const namespaces = new Map<string, object>();
  Module._load = function (request, parent, isMain) {
    if (isDeferredSdkRequest(request, (parent as { filename?: string } | null)?.filename)) {
      const file = Module._resolveFilename(request, parent, isMain);
      if (!Module._cache[file]) {
        let namespace = namespaces.get(file);
        if (!namespace) {
          let real: object | undefined;
          namespace = lazyNamespace(() => (real ??= load.call(this, file, parent, false) as object));
          namespaces.set(file, namespace);
        }
        return namespace;
      }
    }
    if (request.endsWith("closure/serializeClosure") || request.endsWith("closure/codePaths")) {
      let file: string | undefined;
      try {
        file = Module._resolveFilename(request, parent, isMain);
      } catch {
        // let the real load report it
      }
      const suffix = file && Object.keys(DEFERRED_SDK_MODULES).find((s) => file.endsWith(s));
      if (file && suffix && !Module._cache[file]) {
        let standIn = standIns.get(file);
        if (!standIn) {
          const real = () =>
            load.call(this, file, parent, false) as Record<string, (...a: unknown[]) => unknown>;
          standIn = { __esModule: true };
          for (const name of DEFERRED_SDK_MODULES[suffix]) {
            standIn[name] = (...args: unknown[]) => real()[name](...args);
          }
          standIns.set(file, standIn);
        }
        return standIn;
      }
    }
    return load.call(this, request, parent, isMain);
  };
}

/**
 * Registers the `.ts` hook and the `paved` resolution once per process
 * (idempotent). The dev shim (bin/paved.js) calls it before loading the CLI's
 * own sources, so one hook serves the CLI, the program and the components.
 */
export function registerTypeScript(): void {
  const flag = Symbol.for("paved.typescript-hook");
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (registered || g[flag]) return;
  registered = true;
  g[flag] = true;
  registerSelfResolution();
  deferSdkInternals();
  const transpile = makeTranspiler(cacheDir(ownPackageRoot()));
  const extensions = require.extensions as unknown as Record<
    string,
    (m: { _compile: Compile }, file: string) => void
  >;
  const fallback = extensions[".ts"];
  extensions[".ts"] = (module, file) => {
    // node_modules hold compiled JavaScript (and declaration files hold no code).
    if (file.endsWith(".d.ts") || file.split(path.sep).includes("node_modules")) {
      if (fallback) fallback(module, file);
      else module._compile(fs.readFileSync(file, "utf8"), file);
      return;
    }
    module._compile(transpile(fs.readFileSync(file, "utf8"), file), file);
  };
}
