/**
 * Jest setup (setupFilesAfterEnv: after jest installs source-map-support): the Pulumi SDK's own stack captures skip source mapping.
 *
 * Why: jest maps every stack trace through source-map-support, frame by frame.
 * The SDK captures a stack for bookkeeping on every promise it makes
 * (`debuggablePromise` in runtime/debuggable.js, kept to describe leaked
 * promises at exit) and an unbounded one for every resource
 * (`Resource.callsites` in resource.js, its source position). Under jest those
 * captures cost more than everything else a component test does: a
 * SegmentedNetwork of 105 resources took 1.9 s under jest against 0.22 s in
 * plain Node, 60 % of it in source-map-support (bench/RESULTS.md, "Test-suite
 * budget"). No test reads those captures (paved check maps source lines in its
 * own process, outside jest), so they get V8's unmapped format; every other
 * stack, a failing assertion's included, is mapped as before.
 *
 * A promise's capture is then kept as its first line only: the SDK reads it
 * only to describe leaked promises under PULUMI_DEBUG_PROMISE_LEAKS (runtime/
 * debuggable.js `promiseDebugString`), and with that variable set it keeps its
 * frames. Formatting jest's 100 frames for every promise was a quarter of the
 * CPU of test/components (bench/RESULTS.md, ninth round). A resource's capture
 * keeps every frame: the SDK parses it for the resource's source position.
 *
 * The SDK is pinned (package.json); test/helpers/sdk-stack-traces.test.ts pins
 * the two function names this keys on, so an SDK that renames them fails a test
 * instead of silently making the suite slow again.
 */
"use strict";

/** The SDK functions whose captured stacks are bookkeeping, by the file they live in. */
const BOOKKEEPING = [
  { fn: "debuggablePromise", file: /[\\/]@pulumi[\\/]pulumi[\\/]runtime[\\/]debuggable\.js$/ },
  { fn: "callsites", file: /[\\/]@pulumi[\\/]pulumi[\\/]resource\.js$/ },
];

/** The SDK bookkeeping function that captured the stack, or undefined for any other stack. */
function bookkeepingFunction(callSites) {
  const top = callSites[0];
  if (!top || typeof top.getFileName !== "function") return undefined;
  const file = top.getFileName() ?? "";
  const fn = top.getFunctionName() ?? "";
  return BOOKKEEPING.find((b) => fn === b.fn && b.file.test(file))?.fn;
}

/** True when the stack is captured by one of the SDK's bookkeeping functions. */
function isBookkeeping(callSites) {
  return bookkeepingFunction(callSites) !== undefined;
}

/** V8's own format: the error's first line, then one `    at <frame>` line per call site. */
function unmapped(error, callSites) {
  return [`${error}`, ...callSites.map((c) => `    at ${c}`)].join("\n");
}

const mapped = Error.prepareStackTrace;
if (typeof mapped === "function") {
  Error.prepareStackTrace = function prepareStackTrace(error, callSites) {
    const fn = bookkeepingFunction(callSites);
    if (fn === undefined) return mapped(error, callSites);
    // A promise's capture: its first line only, unless PULUMI_DEBUG_PROMISE_LEAKS asks the SDK to
    // print leaked promises' stacks. A resource's: V8's unmapped format.
    return fn === "debuggablePromise" && !process.env.PULUMI_DEBUG_PROMISE_LEAKS
      ? `${error}`
      : unmapped(error, callSites);
  };
}

module.exports = { BOOKKEEPING, isBookkeeping, unmapped };
