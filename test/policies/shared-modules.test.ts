/**
 * The shared-modules jest project (jest.config.js) runs this directory with jest-light-runner: Node
 * loads each module once per worker, TypeScript through swc (test/setup/light-runner/register.js).
 * These tests pin what that setup promises: what the light runner lacks fails with the fix instead
 * of passing silently, every test and hook has jest's timeout, and stack traces point at the
 * TypeScript lines.
 */
import * as fs from "fs";
import * as path from "path";

// Plain JavaScript, the setup's own module (no declaration file).
const timeouts = require("../setup/light-runner/timeout") as {
  TEST_TIMEOUT_MS: number;
  TIMED: symbol;
  withTimeout: (
    fn: (...a: unknown[]) => unknown,
    what: string,
    ms?: number,
  ) => (...a: unknown[]) => Promise<unknown>;
  timedTest: (register: Register) => Register;
};
type Register = ((name: string, fn: (...a: unknown[]) => unknown, ms?: number) => void) & {
  only: Register;
  each: (...table: unknown[]) => (name: string, fn: (...a: unknown[]) => unknown, ms?: number) => void;
  skip?: unknown;
};
const never = () => new Promise(() => undefined);

const FIX =
  /not available in the shared-modules jest project \(jest-light-runner\): list this file in NEEDS_ISOLATION/;

test("runs under jest-light-runner, not in a jest module registry", () => {
  // jest's own runner gives each file a registry whose `require` has jest's extras.
  expect((require as unknown as { requireActual?: unknown }).requireActual).toBeUndefined();
  // The light runner runs tests in worker threads (or the main thread with --runInBand).
  expect(typeof process.env.JEST_WORKER_ID).toBe("string");
});

test("expect.assertions and expect.hasAssertions fail with the fix (the runner would not count them)", () => {
  expect(() => expect.assertions(1)).toThrow(FIX);
  expect(() => expect.hasAssertions()).toThrow(FIX);
});

test("module mocking and registry isolation fail with the fix (there is no registry)", () => {
  expect(() => jest.mock("fs")).toThrow(FIX);
  expect(() => jest.isolateModules(() => undefined)).toThrow(FIX);
  expect(() => jest.requireActual("fs")).toThrow(FIX);
  expect(() => jest.setTimeout(1)).toThrow(
    /jest\.setTimeout is not available .*: give the test its timeout as test\(\)'s third argument$/,
  );
});

test("jest.fn and jest.spyOn work", () => {
  const fn = jest.fn((x: number) => x + 1);
  expect(fn(1)).toBe(2);
  expect(fn).toHaveBeenCalledWith(1);
  const spy = jest.spyOn(path, "basename");
  path.basename("/a/b");
  expect(spy).toHaveBeenCalledTimes(1);
  spy.mockRestore();
});

test("a stack trace names this TypeScript file at the line that threw", () => {
  const stack = new Error("thrown here").stack ?? "";
  const line =
    fs
      .readFileSync(__filename, "utf8")
      .split("\n")
      .findIndex((l) => l.includes('Error("thrown here")')) + 1;
  const frame = stack.split("\n")[1];
  expect(frame).toContain(`${path.join("test", "policies", "shared-modules.test.ts")}:${line}:`);
});

test("a test that never settles fails after its timeout, named, as jest's runner would fail it", async () => {
  await expect(timeouts.withTimeout(never, 'test "x"', 30)()).rejects.toThrow(
    'test "x" did not finish within 30 ms',
  );
  // A test that settles in time gives its own outcome.
  await expect(timeouts.withTimeout(async () => 7, "t", 1000)()).resolves.toBe(7);
  await expect(timeouts.withTimeout(() => Promise.reject(new Error("own")), "t", 1000)()).rejects.toThrow(
    "own",
  );
  // A done-callback test settles when it calls back.
  await expect(timeouts.withTimeout((done) => (done as () => void)(), "t", 1000)()).resolves.toBeUndefined();
  expect(timeouts.TEST_TIMEOUT_MS).toBe(60_000);
});

test("the setup registers every test and hook with the timeout", () => {
  const globals = globalThis as unknown as Record<string, Record<symbol, unknown>>;
  for (const name of ["test", "it", "fit", "beforeAll", "afterAll", "beforeEach", "afterEach"]) {
    expect([name, globals[name][timeouts.TIMED]]).toEqual([name, true]);
  }
});

test("test, test.only and test.each register their functions with the timeout", async () => {
  type Fn = (...a: unknown[]) => unknown;
  const registered: { name: string; fn: Fn; ms?: number }[] = [];
  // A stand-in registrar: records what it is given; `each` runs the first row, as jest-each would.
  const registrar = (prefix: string) =>
    Object.assign(
      (name: string, fn: Fn, ms?: number) => void registered.push({ name: prefix + name, fn, ms }),
      {
        each: (rows: unknown[][]) => (name: string, fn: Fn, ms?: number) =>
          void registered.push({ name: `${prefix}each ${name}`, fn: () => fn(...rows[0]), ms }),
      },
    );
  const fake = Object.assign(registrar(""), {
    only: registrar("only "),
    skip: "kept",
  }) as unknown as Register;
  const timed = timeouts.timedTest(fake);
  timed("plain", never, 20);
  timed.only("focused", never, 20);
  timed.each([[1, 2]])("rows", async (a, b) => expect((a as number) + 1).toBe(b), 20);
  timed.each([[1]])("a row that never settles", never, 20);
  expect(timed.skip).toBe("kept");
  expect(registered.map((r) => [r.name, r.ms])).toEqual([
    ["plain", 20],
    ["only focused", 20],
    ["each rows", 20],
    ["each a row that never settles", 20],
  ]);
  await expect(registered[0].fn()).rejects.toThrow('test "plain" did not finish within 20 ms');
  await expect(registered[1].fn()).rejects.toThrow('test "focused" did not finish within 20 ms');
  await expect(registered[2].fn()).resolves.toBeUndefined();
  await expect(registered[3].fn()).rejects.toThrow(
    'test "a row that never settles" did not finish within 20 ms',
  );
});

test.each([[1, 2]])("test.each rows reach the test through the setup's wrapper: %i + 1 = %i", (a, b) => {
  expect(a + 1).toBe(b);
});

test("done-callback tests still get their callback through the setup's wrapper", (done) => {
  setTimeout(done, 1);
});
