/**
 * Setup of the shared-modules jest project (jest.config.js): jest-light-runner loads test files
 * with Node's own `import()`, without jest's transform. This compiles TypeScript with swc and the
 * options the isolated project's transform and the pack's build use (scripts/swc-options.js),
 * through a require hook (pirates, as @swc/register and sucrase do), and source-maps stack traces
 * to the TypeScript lines. ./hooks.mjs makes `import()` of a `.ts` file go through `require`.
 */
"use strict";
const { register } = require("node:module");
const { pathToFileURL } = require("node:url");
const { addHook } = require("pirates");
const { transformSync } = require("@swc/core");
const { SWC_OPTIONS } = require("../../../scripts/swc-options");

process.setSourceMapsEnabled(true);
addHook((code, filename) => transformSync(code, { ...SWC_OPTIONS, filename, sourceMaps: "inline" }).code, {
  exts: [".ts"],
});
register("./hooks.mjs", pathToFileURL(__filename));
