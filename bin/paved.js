#!/usr/bin/env node
// The `paved` executable.
// - Installed from the registry (no TypeScript sources beside it): runs the
//   compiled CLI, dist/cli/bin.js.
// - In a clone (cli/bin.ts is here): runs the TypeScript sources, so `npx paved`
//   works right after `npm ci` with no build step and never runs a stale build.
//   The CLI's own transpile-only loader (cli/engine/loader.ts: sucrase, cached)
//   is registered first (bootstrap.js), then serves the CLI, the program and the components.
//   No type-checking here: that is `npm run typecheck`. PAVED_USE_DIST=1 runs the
//   build instead (to measure the published form).
"use strict";
const fs = require("fs");
const path = require("path");
const { registerLoader, root } = require("./bootstrap");

const source = path.join(root, "cli", "bin.ts");
const compiled = path.join(root, "dist", "cli", "bin.js");

let entry;
if (fs.existsSync(source) && process.env.PAVED_USE_DIST !== "1") {
  registerLoader();
  entry = require(source);
} else {
  entry = require(compiled);
}
entry.main(process.argv);
