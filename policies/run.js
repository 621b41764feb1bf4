// The entry point the engine loads (package.json "main"): the engine runs
// `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` in this
// directory, which registers ts-node with type-checking (about 7 s cold) for
// every .ts file. Type-checking is `npm run typecheck`'s job; here we only
// strip types. So: drop whatever .ts hook is registered and register a
// transpile-only one: paved's own loader when this pack sits in the paved
// package (../bin/bootstrap.js: sucrase with a content-addressed cache, so a
// warm start transpiles nothing; the `paved check --transport in-process`
// CLI has it registered already and keeps it), else sucrase's (a dependency
// of paved). Registering sucrase through the API, not `sucrase/register/ts`,
// re-registers even when that module was already loaded.
"use strict";
const fs = require("fs");
const path = require("path");

// paved's hook leaves files under node_modules alone (they are compiled
// JavaScript), so an installed pack (node_modules/paved/policies) always
// registers sucrase's, as before the hook existed.
const installed = __dirname.split(path.sep).includes("node_modules");
const hooked = globalThis[Symbol.for("paved.typescript-hook")] && !installed;
if (!hooked) {
  delete require.extensions[".ts"];
  const bootstrap = path.join(__dirname, "..", "bin", "bootstrap.js");
  if (!(fs.existsSync(bootstrap) && require(bootstrap).registerLoader())) {
    // Installed, this package is under node_modules, which sucrase's hook skips by
    // default: transpile this package's own .ts files (the pack, ../components) only.
    const own = path.resolve(__dirname, "..") + path.sep;
    // Modern syntax stays native, as in paved's own loader (cli/engine/loader.ts).
    require("sucrase/dist/register").addHook(
      ".ts",
      { transforms: ["imports", "typescript"], disableESTransforms: true },
      {
        ignoreNodeModules: false,
        matcher: (file) =>
          file.startsWith(own) && !file.slice(own.length).includes(`node_modules${path.sep}`),
      },
    );
  }
}
// Analyze and AnalyzeStack are served by paved's one-pass handlers instead of
// the SDK's per-policy loops (see lib/serve.ts and lib/analyze.ts).
require("./lib/serve.ts").installPavedHandlers();
require("./index.ts");
