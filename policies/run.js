// The entry point the engine loads (package.json "main"): the engine runs
// `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` in this
// directory, which registers ts-node with type-checking (about 7 s cold) for
// every .ts file. Type-checking is `npm run typecheck`'s job; here we only
// strip types. So: drop ts-node's .ts hook, register sucrase's (a dependency
// of paved, about 100x faster), and load the pack.
"use strict";
delete require.extensions[".ts"];
require("sucrase/register/ts");
require("./index.ts");
