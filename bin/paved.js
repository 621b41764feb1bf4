#!/usr/bin/env node
// The `paved` executable. In the published package it runs the compiled CLI
// (dist/cli/bin.js). In a clone with no build (after `npm ci`), it runs the
// TypeScript sources through sucrase's transpile-only hook: no build step, and
// no type-checking (that is `npm run typecheck`). PAVED_FROM_SOURCE=1 forces
// the sources when both exist.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "dist", "cli", "bin.js");
const source = path.join(root, "cli", "bin.ts");

function fromSource() {
  // Compiled output is stale for as long as a source file is newer; prefer the sources in a work tree.
  if (process.env.PAVED_FROM_SOURCE === "1") return true;
  if (!fs.existsSync(compiled)) return true;
  if (!fs.existsSync(source)) return false;
  return fs.statSync(source).mtimeMs > fs.statSync(compiled).mtimeMs;
}

let entry;
if (fromSource() && fs.existsSync(source)) {
  require("sucrase/register/ts");
  entry = require(source);
} else {
  entry = require(compiled);
}
entry.main(process.argv);
