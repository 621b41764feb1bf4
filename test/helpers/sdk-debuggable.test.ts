/**
 * Pins what test/setup/sdk-debuggable.js (the jest stand-in for the SDK's
 * runtime/debuggable.js) relies on in the pinned Pulumi SDK: the runtime
 * modules require "./debuggable" (the request jest.config.js maps) and call
 * `debuggablePromise` through the module object, so the quiet capture reaches
 * every promise the SDK makes. If an SDK upgrade changes either, a test here
 * fails instead of the suite silently paying for the captures again.
 */
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { settle, useMocks } from "./pulumi";

const records = useMocks();

interface Debuggable {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
}
interface Tracked {
  _debugId?: number;
  _debugCtx?: unknown;
  _debugStackTrace?: string;
}
// @internal in the SDK (not in its .d.ts): the module the stand-in wraps.
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
const ORIGINAL = Symbol.for("paved.test.debuggablePromise.original");
const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

/** Every .js file of the SDK, outside its own node_modules. */
function sdkFiles(dir: string = sdkDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sdkFiles(full);
    return e.name.endsWith(".js") ? [full] : [];
  });
}

test("the SDK's runtime modules require ./debuggable and call debuggablePromise through the module object", () => {
  const callers = sdkFiles()
    .filter((f) => !f.endsWith(path.join("runtime", "debuggable.js")))
    .map((f) => ({ file: path.relative(sdkDir, f), text: fs.readFileSync(f, "utf8") }))
    .filter((c) => c.text.includes("debuggablePromise"));
  expect(callers.map((c) => c.file).sort()).toEqual(
    ["callbacks", "invoke", "resource", "rpc", "settings"].map((m) => path.join("runtime", `${m}.js`)),
  );
  for (const { file, text } of callers) {
    expect({ file, requires: /const debuggable_1 = require\("\.\/debuggable"\);/.test(text) }).toEqual({
      file,
      requires: true,
    });
    // Every mention is a call through the module object, looked up when it runs: none is copied out.
    const mentions = text.match(/[\w.]*debuggablePromise\(?/g) ?? [];
    expect({ file, mentions: [...new Set(mentions)] }).toEqual({
      file,
      mentions: ["debuggable_1.debuggablePromise("],
    });
  }
});

test("under jest, debuggablePromise records its bookkeeping stack with no frames and restores the limit", async () => {
  const limit = Error.stackTraceLimit;
  const p = Promise.resolve(42);
  await expect(debuggable.debuggablePromise(p, "pin")).resolves.toBe(42);
  const tracked = p as Tracked;
  // The error's own line only (source-map-support, which jest installs, writes it as "Error: "); no frame.
  expect(tracked._debugStackTrace).toMatch(/^Error:? ?$/);
  expect(tracked._debugCtx).toBe("pin");
  expect(typeof tracked._debugId).toBe("number");
  expect(Error.stackTraceLimit).toBe(limit);
});

test("the SDK's own debuggablePromise, unwrapped, records frames (what the stand-in spares)", async () => {
  const original = (
    debuggable.debuggablePromise as unknown as Record<symbol, Debuggable["debuggablePromise"]>
  )[ORIGINAL];
  expect(typeof original).toBe("function");
  const p = Promise.resolve(1);
  await original(p, "pin");
  expect((p as Tracked)._debugStackTrace).toMatch(/^Error:? ?\n {4}at /);
});

test("the quiet capture keeps the SDK's errors: a rejection still carries its promise", async () => {
  const p = Promise.reject(new Error("boom"));
  const caught = (await debuggable.debuggablePromise(p, "pin").catch((e: unknown) => e)) as Error & {
    promise?: unknown;
  };
  expect(caught.message).toBe("boom");
  expect(caught.promise).toBe(p);
});

test("a resource registered under the mocks: the SDK's calls reach the quiet capture", async () => {
  const quiet = debuggable.debuggablePromise;
  const seen: { ctx: unknown; stack: string | undefined }[] = [];
  debuggable.debuggablePromise = (p, ctx) => {
    const result = quiet(p, ctx);
    seen.push({ ctx, stack: (p as Tracked)._debugStackTrace });
    return result;
  };
  try {
    new aws.s3.Bucket("pin", {});
    await settle();
  } finally {
    debuggable.debuggablePromise = quiet;
  }
  expect(records.some((r) => r.name === "pin")).toBe(true);
  expect(seen.some((s) => typeof s.ctx === "string" && s.ctx.includes("pin"))).toBe(true);
  expect(seen.filter((s) => s.stack?.includes("\n    at "))).toEqual([]);
});
