/**
 * Test timeouts for the shared-modules jest project (jest.config.js). jest-light-runner calls a
 * test's function and waits for it, with no timeout: a test that never settles would hang the run
 * with no test named. guard.js registers every test and hook through `timedTest` and `timedHook`,
 * so such a test fails after `TEST_TIMEOUT_MS` (or its own timeout argument), as it would in the
 * isolated project.
 */
"use strict";

/** jest.config.js's `testTimeout`, for both projects. */
const TEST_TIMEOUT_MS = 60_000;
/** Marks a registrar made here (test/policies/shared-modules.test.ts checks the globals for it). */
const TIMED = Symbol.for("paved.light-runner.timed");

/**
 * `fn` (returning a promise, or taking jest's `done` callback when it declares no other
 * parameter) as a function that rejects when it has not settled within `ms`. The result takes
 * the arguments `fn` is called with (`test.each` rows) and declares none itself, so runners
 * treat it as promise-returning.
 */
function withTimeout(fn, what, ms = TEST_TIMEOUT_MS, doneStyle = undefined) {
  if (typeof fn !== "function") return fn;
  const takesDone = doneStyle ?? fn.length >= 1;
  return function timed(...args) {
    const run = takesDone
      ? new Promise((resolve, reject) => fn.call(this, (err) => (err ? reject(err) : resolve())))
      : Promise.resolve().then(() => fn.apply(this, args));
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`${what} did not finish within ${ms} ms (its timeout; jest.config.js testTimeout)`),
          ),
        ms,
      );
    });
    return Promise.race([run, limit]).finally(() => clearTimeout(timer));
  };
}

/** `test` or `it`, whose tests (and `.only`, `.each`, `.only.each`) time out; `.skip` and `.todo` run nothing. */
function timedTest(original) {
  const named = (name) => `test "${typeof name === "function" ? name.name : name}"`;
  const wrap = (register) => (name, fn, ms) => register(name, withTimeout(fn, named(name), ms), ms);
  const wrapEach =
    (each) =>
    (...table) =>
    (name, fn, ms) =>
      each(...table)(name, withTimeout(fn, named(name), ms, false), ms);
  const timed = Object.assign(wrap(original), original);
  timed.only = Object.assign(wrap(original.only), original.only, {
    each: wrapEach(original.only.each),
    [TIMED]: true,
  });
  timed.each = wrapEach(original.each);
  timed[TIMED] = true;
  return timed;
}

/** A hook registrar (`beforeAll`, ...) whose hooks time out. */
function timedHook(original, hook) {
  return Object.assign((fn, ms) => original(withTimeout(fn, hook, ms), ms), { [TIMED]: true });
}

module.exports = { TEST_TIMEOUT_MS, TIMED, timedHook, timedTest, withTimeout };
