/**
 * Pins what test/setup/sdk-stack-traces.js keys on in the pinned Pulumi SDK: the
 * two functions whose stack captures are bookkeeping. If an SDK upgrade renames
 * or moves them, these tests fail (the setup would otherwise silently stop
 * skipping them and the suite would be 8x slower on component tests again).
 */
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
// @internal in the SDK (not in its .d.ts): the function this file pins.
const { debuggablePromise } = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
};
const setup = require("../setup/sdk-stack-traces.js") as {
  isBookkeeping(callSites: NodeJS.CallSite[]): boolean;
  unmapped(error: Error, callSites: NodeJS.CallSite[]): string;
};

/** Runs `fn` with a prepareStackTrace that records, per captured stack, whether the setup calls it bookkeeping. */
function classify(fn: () => void): { top: string; bookkeeping: boolean }[] {
  const seen: { top: string; bookkeeping: boolean }[] = [];
  const installed = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, callSites) => {
    seen.push({ top: callSites[0]?.getFunctionName() ?? "", bookkeeping: setup.isBookkeeping(callSites) });
    return setup.unmapped(error, callSites);
  };
  try {
    fn();
  } finally {
    Error.prepareStackTrace = installed;
  }
  return seen;
}

test("the SDK's debuggablePromise captures a stack the setup recognises as bookkeeping", () => {
  const seen = classify(() => {
    void debuggablePromise(Promise.resolve(1), "pin");
  });
  expect(seen).toContainEqual({ top: "debuggablePromise", bookkeeping: true });
});

test("the SDK's Resource.callsites captures a stack the setup recognises as bookkeeping", () => {
  const resource = pulumi.Resource as unknown as { callsites(): unknown[] };
  const seen = classify(() => {
    resource.callsites();
  });
  expect(seen).toContainEqual({ top: "callsites", bookkeeping: true });
});

test("a stack captured anywhere else is not bookkeeping, so it is still source-mapped", () => {
  function callsites(): void {
    void new Error("ours").stack;
  }
  const seen = classify(callsites);
  // Same function name as the SDK's, but in this file: not bookkeeping.
  expect(seen).toEqual([{ top: "callsites", bookkeeping: false }]);
});

test("a failing assertion's stack under jest still points at the TypeScript line", () => {
  const line = new Error("here").stack!.split("\n")[1];
  // Mapped through the inline source map: the line of this file that says so, not swc's output line.
  const source = fs.readFileSync(__filename, "utf8").split("\n");
  const expected = source.findIndex((l) => l.includes('new Error("here")')) + 1;
  expect(line).toContain(`sdk-stack-traces.test.ts:${expected}:`);
});

test("the unmapped format is V8's: the error's first line, then one frame per line", () => {
  let formatted = "";
  const installed = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, callSites) => setup.unmapped(error, callSites.slice(0, 2));
  try {
    formatted = new Error("boom").stack!;
  } finally {
    Error.prepareStackTrace = installed;
  }
  const lines = formatted.split("\n");
  expect(lines[0]).toBe("Error: boom");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^ {4}at .+:\d+:\d+\)?$/);
});

describe("what the setup keeps of each bookkeeping capture", () => {
  /** The stack debuggablePromise keeps on the promise it is given (it returns another). */
  const captured = (): string => {
    const p = Promise.resolve(1);
    void debuggablePromise(p, "pin");
    return (p as unknown as { _debugStackTrace: string })._debugStackTrace;
  };

  test("a promise's: its first line only (the SDK reads it only to describe leaked promises)", () => {
    expect(process.env.PULUMI_DEBUG_PROMISE_LEAKS).toBeUndefined();
    expect(captured()).toBe("Error");
  });

  test("a promise's, with PULUMI_DEBUG_PROMISE_LEAKS set: every frame, as the leak report prints it", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    let stack: string;
    try {
      stack = captured();
    } finally {
      delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    }
    const lines = stack.split("\n");
    expect(lines[0]).toBe("Error");
    expect(lines[1]).toMatch(/^ {4}at debuggablePromise \(.*debuggable\.js:\d+:\d+\)$/);
    expect(lines.some((l) => l.includes("sdk-stack-traces.test.ts"))).toBe(true);
  });

  test("a resource's: every frame, so the SDK still finds the program line that made it", () => {
    const resource = pulumi.Resource as unknown as { callsites(): { file?: string; line?: number }[] };
    const frames = resource.callsites();
    expect(frames.find((f) => f.file?.endsWith("sdk-stack-traces.test.ts"))?.line).toBeGreaterThan(0);
  });
});
