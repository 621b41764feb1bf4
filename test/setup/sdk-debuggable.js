/**
 * Jest stand-in (moduleNameMapper) for the Pulumi SDK's runtime/debuggable.js,
 * which the SDK's runtime modules require as "./debuggable": the real module,
 * whose `debuggablePromise` captures its bookkeeping stack with no frames.
 *
 * Why: `debuggablePromise` wraps every promise the SDK makes and stores
 * `new Error().stack` on it, read only to print leaked promises when
 * PULUMI_DEBUG_PROMISE_LEAKS is set. Jest raises Error.stackTraceLimit to 100,
 * so under jest each capture walks and formats up to 100 frames (source
 * mapping is already skipped, test/setup/sdk-stack-traces.js): a quarter of
 * test/components' CPU (bench/RESULTS.md, "Test-suite budget, seventh round").
 * `paved check`'s program process records none either unless asked for
 * stack traces (cli/engine/child.ts sets Error.stackTraceLimit to 0).
 * Everything else the module does is the SDK's own: the leak bookkeeping, the
 * `_debugId` and `_debugCtx` it sets, the promise it returns.
 *
 * The SDK calls it through the module object (`debuggable_1.debuggablePromise(...)`),
 * so replacing the export reaches every caller, whichever loaded the module
 * first. test/helpers/sdk-debuggable.test.ts pins those requests and calls.
 */
"use strict";

// By its package path: the mapper maps only the relative request, so this is the real file.
const real = require("@pulumi/pulumi/runtime/debuggable");

/** Marks the quiet wrapper and holds the SDK's own function (the pin test reads it). */
const ORIGINAL = Symbol.for("paved.test.debuggablePromise.original");

if (!real.debuggablePromise[ORIGINAL]) {
  const original = real.debuggablePromise;
  const quiet = function debuggablePromise(p, ctx) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return original(p, ctx);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  quiet[ORIGINAL] = original;
  real.debuggablePromise = quiet;
}

module.exports = real;
