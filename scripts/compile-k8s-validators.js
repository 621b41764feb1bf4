#!/usr/bin/env node
// Writes policies/kubernetes/schemas/api-validators.json: ajv's standalone
// code for the validator of every kind in the schema bundle
// (policies/kubernetes/schemas/api-schemas.json), so `paved check` and the
// pack load them instead of compiling them (150 to 270 ms of CPU for a kind
// that embeds a pod template; see policies/lib/k8s-api-schema-compile.ts).
// Run it after scripts/fetch-k8s-schemas.js and after updating ajv.
// test/policies/lib/k8s-api-validators.test.ts regenerates the code in memory
// and fails when the committed file differs; at run time the file is used only
// when it was made from the committed bundle by the installed ajv.
//
// The output is gzipped code in base64 inside a JSON file, like the bundle:
// tsc copies it to dist/ and the pack builder finds it as an ordinary require.
//
// Usage: node scripts/compile-k8s-validators.js [--check]
//   --check  regenerate in memory and exit 1 when the committed code differs (by sha256)
"use strict";
require("sucrase/register/ts");
const fs = require("fs");
const path = require("path");
const { validatorsFile } = require("../policies/lib/k8s-api-validators-file.ts");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "policies/kubernetes/schemas/api-validators.json");

const file = validatorsFile();
if (process.argv.includes("--check")) {
  const current = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, "utf8")) : {};
  if (current.sha256 !== file.sha256 || current.schemas !== file.schemas || current.ajv !== file.ajv) {
    process.stderr.write(
      `${path.relative(ROOT, OUT)} is stale: run node scripts/compile-k8s-validators.js\n`,
    );
    process.exit(1);
  }
} else {
  const text = `${JSON.stringify(file, null, 2)}\n`;
  fs.writeFileSync(OUT, text);
  process.stdout.write(
    `${path.relative(ROOT, OUT)}: ${file.definitions.length} validators, ${file.bytes} bytes of code, ` +
      `${text.length} bytes written; ajv ${file.ajv}; sha256 of the code ${file.sha256}\n`,
  );
}
