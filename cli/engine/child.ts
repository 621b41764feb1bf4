/**
 * The program side of `paved check`: runs in its own process (spawned by
 * ./run.ts), runs the user's program under the mock engine exactly as the
 * Node language host would, and sends the resource records back over the IPC
 * channel as JSON. It decides nothing: the verdict, the exit code, the policy
 * config and the exemptions belong to the parent, which the program cannot
 * reach (its own `process.exit`, `process.env` and stdout are this process's).
 *
 * Uses SDK internals (`runInPulumiStack`, `leakedPromises`, `waitForRPCs` via
 * `settle`); the SDK version is pinned in package.json and test/cli covers
 * this path end to end.
 */
import type { RecordedResource } from "./mocks";
import * as fs from "fs";
import * as path from "path";
import type { PulumiProject } from "../project";

/** The phases a program run goes through; a hang is reported by phase. */
export type Phase = "loading" | "running" | "settling registrations";

/** What the parent asks for. */
export interface ChildJob {
  readonly kind: "run";
  /** A random token the replies carry, so a program cannot forge a reply of its own. */
  readonly nonce: string;
  readonly project: PulumiProject;
  readonly preview: boolean;
  readonly stackTraces: boolean;
  /** StackReference outputs by stack name (`--stack-reference <name>=<file>`), read by the parent. */
  readonly stackReferences?: Readonly<Record<string, Record<string, unknown>>>;
}

/** A resource as the child records it: the mock engine's record, which is JSON-safe. */
export type ChildRecord = RecordedResource;

/** The child's replies. */
export type ChildMessage =
  | { readonly nonce: string; readonly kind: "phase"; readonly phase: Phase }
  | {
      readonly nonce: string;
      readonly kind: "result";
      /** The records, as JSON text (see `run`). */
      readonly records: string;
      readonly warnings: readonly string[];
      /** Data sources offline AWS could not answer (the program got its own inputs back). */
      readonly unanswered?: readonly string[];
    }
  | {
      readonly nonce: string;
      readonly kind: "error";
      readonly message: string;
      readonly name: string;
      readonly stack?: string;
    }
  | { readonly nonce: string; readonly kind: "stalled"; readonly phase: Phase; readonly pending: number };

/** The nearest package.json above the program, as the language host finds it. */
export function programPackage(dir: string): { type?: string; main?: string } {
  let d = dir;
  for (;;) {
    const file = path.join(d, "package.json");
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as { type?: string };
      } catch {
        return {};
      }
    }
    const up = path.dirname(d);
    if (up === d) return {};
    d = up;
  }
}

// A real dynamic import: sucrase would turn `import()` into `require()`.
const dynamicImport = new Function("s", "return import(s)") as (s: string) => Promise<unknown>;

/**
 * Loads the entry and runs it as the Node language host does
 * (@pulumi/pulumi cmd/run/run.js): an ES module (`"type": "module"`) is
 * imported (top-level await included) and its default export, if any, used
 * (a module with both a default and named exports is refused); a CommonJS
 * module is required. The exported value, if a function, is called; the
 * result is awaited and becomes the stack's outputs.
 */
export async function runEntry(
  entry: string,
  isModule: boolean,
  warn: (w: string) => void,
  onRunning: () => void,
): Promise<unknown> {
  let programExport: unknown;
  if (isModule) {
    const { pathToFileURL } = await import("url");
    const ns = (await dynamicImport(pathToFileURL(entry).href)) as Record<string, unknown>;
    programExport = ns;
    if (Object.getOwnPropertyDescriptor(ns, "default") !== undefined) {
      if (Object.keys(ns).length !== 1) {
        throw new Error(
          "expected entrypoint module to have either a default export or named exports but not both",
        );
      }
      programExport = ns.default;
    }
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    programExport = require(entry);
    const mod = programExport as { __esModule?: boolean; default?: unknown } | undefined;
    if (mod && mod.__esModule && typeof mod.default === "function") {
      warn(
        "the program's `export default` function is never called: the Pulumi Node language host calls an exported " +
          'function only when it is the module itself (`export = async () => {...}`) or in an ES module ("type": "module")',
      );
    }
  }
  onRunning();
  const result = programExport instanceof Function ? (programExport as () => unknown)() : programExport;
  return await result;
}

/**
 * ES module hooks for a `"type": "module"` program written in TypeScript, as
 * the language host runs it through ts-node/esm: the program's `.ts` files are
 * transpiled (types stripped, ESM kept, so top-level await works), an import
 * of `./acl.js` finds `./acl.ts`, and `paved` resolves to this package when the
 * program has none. Files outside the program (paved's own sources, packages)
 * load through the CommonJS loader and its TypeScript hook. The hooks run on
 * Node's loader thread, so they are plain JavaScript, passed as a data: URL.
 */
const ESM_HOOKS = String.raw`
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
let programDir, sucrase, ownPaved, req;
export function initialize(data) {
  programDir = data.programDir;
  ownPaved = data.ownPaved;
  req = createRequire(data.requireFrom);
}
const inProgram = (url) => {
  if (!url.startsWith("file:")) return false;
  const file = fileURLToPath(url);
  return file.startsWith(programDir) && !file.includes("/node_modules/");
};
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (/^\.{1,2}\//.test(specifier) && /\.(m|c)?js$/.test(specifier)) {
      return next(specifier.replace(/\.(m|c)?js$/, ".$1ts"), context);
    }
    if ((specifier === "paved" || specifier.startsWith("paved/")) && ownPaved[specifier]) {
      return { url: pathToFileURL(ownPaved[specifier]).href, shortCircuit: true, format: "commonjs" };
    }
    throw e;
  }
}
export async function load(url, context, next) {
  if (!/\.(m|c)?ts$/.test(url)) return next(url, context);
  if (!inProgram(url) || url.endsWith(".cts")) return { format: "commonjs", shortCircuit: true, source: null };
  const { source } = await next(url, { ...context, format: "module" });
  sucrase ??= req("sucrase");
  const code = sucrase.transform(String(source), {
    transforms: ["typescript"],
    disableESTransforms: true,
    filePath: fileURLToPath(url),
  }).code;
  return { format: "module", source: code, shortCircuit: true };
}
`;

/** Registers {@link ESM_HOOKS} for the program in `programDir`. */
async function registerEsmHooks(programDir: string): Promise<void> {
  const mod = (await import("module")) as unknown as {
    register?: (specifier: string, opts: { data: unknown }) => void;
  };
  if (!mod.register) return;
  const { ownModulePath, ownPackageRoot } = await import("./loader");
  const root = ownPackageRoot();
  const ownPaved: Record<string, string> = {};
  if (root) {
    const compiled = __filename.endsWith(".js");
    for (const name of ["paved", "paved/policies"]) {
      const p = ownModulePath(name, root, compiled);
      if (p) ownPaved[name] = p;
    }
  }
  mod.register(`data:text/javascript,${encodeURIComponent(ESM_HOOKS)}`, {
    data: {
      programDir: programDir.endsWith(path.sep) ? programDir : programDir + path.sep,
      ownPaved,
      requireFrom: __filename,
    },
  });
}

/**
 * A StackReference with no `--stack-reference` file gives unknown outputs (as
 * a preview whose referenced stack cannot be read): the inputs fed by them
 * reach the pack as unknown, never as a made-up value.
 */
function unknownStackReferences(
  pulumi: typeof import("@pulumi/pulumi"),
  answered: Readonly<Record<string, unknown>>,
): void {
  type Ref = { __name?: string; getOutput(n: unknown): unknown };
  const proto = pulumi.StackReference.prototype as unknown as Record<
    string,
    (this: Ref, n: unknown) => unknown
  >;
  for (const method of ["getOutput", "requireOutput"]) {
    const original = proto[method];
    proto[method] = function (this: Ref, n: unknown) {
      if (this.__name !== undefined && this.__name in answered) return original.call(this, n);
      const OutputClass = pulumi.Output as unknown as new (...a: unknown[]) => unknown;
      return new OutputClass(
        new Set([this]),
        Promise.resolve(undefined),
        Promise.resolve(false),
        Promise.resolve(false),
        Promise.resolve(new Set([this])),
      );
    };
  }
}

/** How deep an input may nest before it is refused (the SDK's serializer overflows the stack far below 100,000). */
export const MAX_INPUT_DEPTH = 512;

/**
 * Why a resource's inputs cannot be serialized, or undefined: a cycle (the
 * SDK would allocate until the heap runs out) or nesting deeper than
 * {@link MAX_INPUT_DEPTH}. Outputs, promises and resources are not entered:
 * the SDK resolves those itself.
 */
export function inputShapeProblem(props: unknown): string | undefined {
  const isOpaque = (v: object) =>
    typeof (v as { then?: unknown }).then === "function" ||
    (v as { __pulumiOutput?: unknown }).__pulumiOutput === true ||
    (v as { __pulumiResource?: unknown }).__pulumiResource === true;
  const onPath = new Set<object>();
  const walk = (v: unknown, at: string, depth: number): string | undefined => {
    if (typeof v !== "object" || v === null || isOpaque(v)) return undefined;
    if (onPath.has(v)) return `input ${at} refers back to itself (a cycle); the engine cannot serialize it`;
    if (depth > MAX_INPUT_DEPTH)
      return `input ${at.slice(0, 60)}... nests deeper than ${MAX_INPUT_DEPTH} levels`;
    onPath.add(v);
    try {
      for (const [k, x] of Object.entries(v)) {
        const problem = walk(x, at ? `${at}.${k}` : k, depth + 1);
        if (problem) return problem;
      }
    } finally {
      onPath.delete(v);
    }
    return undefined;
  };
  return walk(props, "", 0);
}

/**
 * Checks each resource's inputs before the SDK serializes them, so a cyclic
 * or absurdly deep input is one line naming the resource instead of a heap
 * exhaustion or a stack overflow. Wraps an SDK internal (pinned version).
 */
function guardInputs(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rpc = require("@pulumi/pulumi/runtime/rpc") as {
    serializeResourceProperties: (label: string, props: unknown, opts: unknown) => Promise<unknown>;
  };
  const original = rpc.serializeResourceProperties;
  rpc.serializeResourceProperties = function (label, props, opts) {
    const problem = inputShapeProblem(props);
    if (problem) {
      // The SDK's label is `resource:<name>[<type>]`.
      const m = /^resource:(.*)\[(.*)\]$/.exec(label);
      const who = m ? `resource "${m[1]}" (${m[2]})` : label;
      return Promise.reject(Object.assign(new Error(`${who}: ${problem}`), { name: "InputShapeError" }));
    }
    return original.call(this, label, props, opts);
  };
}

/** How many of the SDK's promises are still pending (its leak detector's count); 0 before the SDK loads. */
function pendingPromises(): number {
  const file = require.resolve("@pulumi/pulumi/runtime/debuggable");
  if (!require.cache[file]) return 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const d = require(file) as { leakedPromises?: () => [Set<unknown>, string] };
  return d.leakedPromises?.()[0].size ?? 0;
}

/** Serves one job from the parent, then waits to be killed. */
export function serve(): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("paved's program runner must be started by paved check");
  process.once("message", (job: ChildJob) => {
    void run(job, (m: ChildMessage) => send(m));
  });
}

async function run(job: ChildJob, send: (m: ChildMessage) => void): Promise<void> {
  const { nonce, project } = job;
  let phase: Phase = "loading";
  let finished = false;
  const setPhase = (p: Phase) => {
    phase = p;
    send({ nonce, kind: "phase", phase: p });
  };
  const fail = (e: unknown) => {
    if (finished) return;
    finished = true;
    const err = e instanceof Error ? e : undefined;
    send({
      nonce,
      kind: "error",
      message: err ? err.message : String(e),
      name: err ? err.name : "",
      stack: err?.stack,
    });
  };
  // The channel does not keep this process alive: a program that waits on a
  // promise nothing will resolve empties the event loop, as it would under the
  // language host, and is reported at once instead of at the timeout.
  (process.channel as { unref?: () => void } | undefined)?.unref?.();
  process.on("beforeExit", () => {
    if (finished) return;
    finished = true;
    send({ nonce, kind: "stalled", phase, pending: pendingPromises() });
  });
  // Errors raised in Outputs and component constructors may surface as rejections.
  process.on("unhandledRejection", fail);
  process.on("uncaughtException", fail);
  if (!job.stackTraces) Error.stackTraceLimit = 0;
  setPhase("loading");
  try {
    const { registerTypeScript } = await import("./loader");
    registerTypeScript();
    const pulumi = await import("@pulumi/pulumi");
    guardInputs();
    const { installMockEngine, MockEngine, settle } = await import("./mocks");
    const stackModule = (await import("@pulumi/pulumi/runtime/stack")) as unknown as {
      runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
    };
    const region = project.config["aws:region"] ?? "us-east-1";
    const warnings: string[] = [];
    pulumi.runtime.setAllConfig(project.config, [...project.secretKeys]);
    const engine = new MockEngine({ region, preview: job.preview });
    // A StackReference answers from --stack-reference; otherwise its outputs are unknown, as in a
    // preview whose referenced stack paved cannot read.
    const newResource = engine.newResource.bind(engine);
    engine.newResource = (args) => {
      if (args.type !== "pulumi:pulumi:StackReference") return newResource(args);
      const name = String((args.inputs as { name?: unknown }).name ?? args.id ?? args.name);
      const outputs = job.stackReferences?.[name];
      if (!outputs) {
        warnings.push(
          `StackReference ${name}: its outputs are unknown here; pass --stack-reference ${name}=<file> ` +
            "(`pulumi stack output --json` or `pulumi stack export`) to check with its values",
        );
      }
      return { id: name, state: { name, outputs: outputs ?? {}, secretOutputNames: [] } };
    };
    unknownStackReferences(pulumi, job.stackReferences ?? {});
    // kubernetes.yaml v1 expands client-side once the provider decodes its YAML: decode it here.
    const answer = engine.call.bind(engine);
    engine.call = (args) => {
      if (args.token !== "kubernetes:yaml:decode") return answer(args);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { decodeYaml } = require("./manifests") as typeof import("./manifests");
      return { result: decodeYaml(String((args.inputs as { text?: unknown }).text ?? "")) };
    };
    const records = installMockEngine(engine, {
      project: project.name,
      stack: project.stack,
      transforms: true,
    });
    const isModule = programPackage(project.dir).type === "module";
    if (isModule) await registerEsmHooks(project.dir);
    process.chdir(project.dir);
    await stackModule.runInPulumiStack(() =>
      runEntry(
        project.entry,
        isModule,
        (w) => warnings.push(w),
        () => setPhase("running"),
      ),
    );
    setPhase("settling registrations");
    await settle();
    // As the language host fails a program that exits with promises still pending.
    const leaks = pendingPromises();
    if (leaks > 0) {
      throw Object.assign(
        new Error(
          `the program left ${leaks} ${leaks === 1 ? "promise" : "promises"} active when it finished ` +
            "(a Pulumi API result not awaited, or a cycle between resources); `pulumi preview` fails it too",
        ),
        { name: "PromiseLeak" },
      );
    }
    if (finished) return;
    finished = true;
    const unanswered = [...new Set(engine.unanswered.map((u) => u.token))].sort();
    // As JSON text, parsed by the parent: its objects are then the parent's own (an IPC message is
    // built by Node's internals, outside a vm context such as jest's, where `instanceof Array` in
    // the SDK's deserializer would not hold), and the records are what a gRPC Struct could carry.
    send({ nonce, kind: "result", records: JSON.stringify(records), warnings, unanswered });
  } catch (e) {
    fail(e);
  }
}
