/**
 * The shared-modules jest project (jest.config.js) runs this directory with jest-light-runner: Node
 * loads each module once per worker, TypeScript through swc (test/setup/light-runner/register.js).
 * These tests pin what that setup promises: what the light runner lacks fails with the fix instead
 * of passing silently, and stack traces point at the TypeScript lines.
 */
import * as fs from "fs";
import * as path from "path";

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
