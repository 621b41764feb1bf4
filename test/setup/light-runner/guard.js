/**
 * Setup of the shared-modules jest project (jest.config.js): what jest-light-runner does not have
 * fails the test that uses it, with the fix, instead of passing silently. It does not count
 * `expect.assertions(n)`, so a test relying on that count would pass with none made; it has no
 * module registry, so `jest.mock` and friends cannot work. It has no test timeout either: every
 * test and hook gets jest.config.js's (./timeout.js).
 */
"use strict";
const { timedHook, timedTest } = require("./timeout");

const fix = "list this file in NEEDS_ISOLATION in jest.config.js, which runs it in the isolated project";

function unavailable(name, remedy = fix) {
  return () => {
    throw new Error(
      `${name} is not available in the shared-modules jest project (jest-light-runner): ${remedy}`,
    );
  };
}

for (const name of ["assertions", "hasAssertions"]) expect[name] = unavailable(`expect.${name}`);
for (const name of [
  "mock",
  "doMock",
  "unmock",
  "dontMock",
  "requireActual",
  "requireMock",
  "isolateModules",
  "isolateModulesAsync",
  "resetModules",
]) {
  jest[name] = unavailable(`jest.${name}`);
}
jest.setTimeout = unavailable("jest.setTimeout", "give the test its timeout as test()'s third argument");

globalThis.test = timedTest(globalThis.test);
globalThis.it = timedTest(globalThis.it);
globalThis.fit = globalThis.test.only;
for (const hook of ["beforeAll", "afterAll", "beforeEach", "afterEach"]) {
  globalThis[hook] = timedHook(globalThis[hook], hook);
}
