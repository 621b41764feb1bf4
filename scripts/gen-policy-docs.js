#!/usr/bin/env node
// Regenerates the pack's generated files from the policies' metadata:
// docs/policies.md and policies/config/{dev,staging,prod}.json, formatted with
// the repo's prettier config. `npm run docs:policies`;
// test/policies/docs.test.ts fails when a committed file is stale.
"use strict";
require("sucrase/register/ts");
const fs = require("fs");
const path = require("path");
const { generatedFiles } = require("../policies/lib/generated.ts");

const root = path.join(__dirname, "..");
for (const [file, text] of Object.entries(generatedFiles(root))) {
  const p = path.join(root, file);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  console.log(`wrote ${file}`);
}
