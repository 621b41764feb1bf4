// The swc options that turn paved's TypeScript into the JavaScript that runs: jest's transform
// (jest.config.js) and the policy pack's build (scripts/build-policy-pack.js) share them, so the
// pack ships the same code the tests ran. What tsconfig.json asks of tsc: ES2022 (class fields are
// defined fields), CommonJS. swc strips types one file at a time (as `isolatedModules`), with no
// type-checking: that is `npm run typecheck`'s job. No decorators in the tree.
"use strict";

/** @type {import("@swc/core").Options} */
const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: "typescript" },
    target: "es2022",
    transform: { useDefineForClassFields: true },
    keepClassNames: true,
  },
  module: { type: "commonjs" },
};

module.exports = { SWC_OPTIONS };
