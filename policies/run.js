// The entry point the engine loads (package.json "main"): the engine runs
// `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` in this
// directory, which registers ts-node with type-checking (about 7 s cold) for
// every .ts file. Type-checking is `npm run typecheck`'s job; here we only
// strip types. So: drop whatever .ts hook is registered, register sucrase's
// (a dependency of paved, far faster), and load the pack. Registering through
// the API, not `sucrase/register/ts`, re-registers even when that module was
// already loaded (the in-process transport of cli/engine/analyzer.ts).
"use strict";
delete require.extensions[".ts"];
require("sucrase/dist/register").registerTS();
// The SDK deserializes every resource once per policy; once per request is
// enough (see lib/deserialize-once.ts).
require("./lib/deserialize-once.ts").installDeserializeOnce();
require("./index.ts");
