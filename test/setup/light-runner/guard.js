/**
 * Setup of the shared-modules jest project (jest.config.js): what jest-light-runner does not have
 * fails the test that uses it, with the fix, instead of passing silently. It does not count
 * `expect.assertions(n)`, so a test relying on that count would pass with none made; it has no
 * module registry, so `jest.mock` and friends cannot work.
 */
"use strict";

const fix = "list this file in NEEDS_ISOLATION in jest.config.js, which runs it in the isolated project";

function unavailable(name) {
  return () => {
    throw new Error(
      `${name} is not available in the shared-modules jest project (jest-light-runner): ${fix}`,
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
  "setTimeout",
]) {
  jest[name] = unavailable(`jest.${name}`);
}
