#!/usr/bin/env node
// The `paved` executable.
// - Installed from the registry (no TypeScript sources beside it): runs the
//   compiled CLI, dist/cli/bin.js.
// - In a clone (cli/bin.ts is here): runs the TypeScript sources, so `npx paved`
//   works right after `npm ci` with no build step and never runs a stale build.
//   The CLI's own transpile-only loader (cli/engine/loader.ts: sucrase, cached)
//   is compiled here first, then serves the CLI, the program and the components.
//   No type-checking here: that is `npm run typecheck`. PAVED_USE_DIST=1 runs the
//   build instead (to measure the published form).
"use strict";
const fs = require("fs");
const path = require("path");
const Module = require("module");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "cli", "bin.ts");
const compiled = path.join(root, "dist", "cli", "bin.js");

/** Loads cli/engine/loader.ts by hand (no hook exists yet) and registers its hook. */
function registerLoader() {
  const file = path.join(root, "cli", "engine", "loader.ts");
  const { transform } = require("sucrase");
  const code = transform(fs.readFileSync(file, "utf8"), {
    transforms: ["typescript", "imports"],
    filePath: file,
  }).code;
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod._compile(code, file);
  mod.loaded = true;
  require.cache[file] = mod;
  mod.exports.registerTypeScript();
}

let entry;
if (fs.existsSync(source) && process.env.PAVED_USE_DIST !== "1") {
  registerLoader();
  entry = require(source);
} else {
  entry = require(compiled);
}
entry.main(process.argv);
