#!/usr/bin/env node
// The `paved` executable.
// - Installed from the registry (no TypeScript sources beside it): runs the
//   compiled CLI, dist/cli/bin.js.
// - In a clone (cli/bin.ts is here): runs the TypeScript sources through
//   sucrase's transpile-only hook, so `npx paved` works right after `npm ci`
//   with no build step and never runs a stale build. No type-checking here:
//   that is `npm run typecheck`. PAVED_USE_DIST=1 runs the build instead
//   (for benchmarks of the published form).
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "cli", "bin.ts");
const compiled = path.join(root, "dist", "cli", "bin.js");

let entry;
if (fs.existsSync(source) && process.env.PAVED_USE_DIST !== "1") {
  require("sucrase/register/ts");
  entry = require(source);
} else {
  entry = require(compiled);
}
entry.main(process.argv);
