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
    require("sucrase/dist/register").registerTS({
      ignoreNodeModules: false,
      matcher: (file) => file.startsWith(own) && !file.slice(own.length).includes(`node_modules${path.sep}`),
    });
  }
}
// The SDK deserializes every resource once per policy; once per request is
// enough (see lib/deserialize-once.ts).
require("./lib/deserialize-once.ts").installDeserializeOnce();
installTypeDispatch();
require("./index.ts");

/**
 * Analyze, dispatched by resource type. The SDK's analyzer builds each
 * policy's full arguments (a proxy over the properties, the resource options,
 * the provider, closures) for every resource before the policy can look at
 * the type; it skips early only a policy restricted to a single type. Most of
 * ours check two to five types, so for a resource of another type that work
 * was thrown away (a third of the pack's time). The SDK's own Analyze handler
 * (`makeAnalyzeRpcFun`) is built once per resource type with only the policies
 * that can apply to it: policies for every type, single-type ones (the SDK
 * skips those itself and reports them not applicable, as before), and
 * multi-type ones that list the type. Those left out return nothing for that
 * type (their `validateResource` returns first), so responses are unchanged.
 * AnalyzeStack, Remediate and the rest are the SDK's as served.
 */
function installTypeDispatch() {
  const server = require("@pulumi/policy/server");
  const grpc = require("@grpc/grpc-js");
  const { policies: definitions } = require("./pack.ts");
  const typesOf = new Map(
    definitions
      .filter((d) => d.kind === "resource" && d.types && d.types.length > 1)
      .map((d) => [d.name, new Set(d.types)]),
  );
  const serve = server.serve;
  server.serve = function (name, version, level, args, ...rest) {
    const proto = grpc.Server.prototype;
    const addService = proto.addService;
    proto.addService = function (service, impl) {
      proto.addService = addService;
      const all = (args && args.policies) || [];
      const byType = new Map();
      const analyze = (call, callback) => {
        const type = call.request.getType();
        let handler = byType.get(type);
        if (!handler) {
          const applicable = all.filter((p) => !typesOf.has(p.name) || typesOf.get(p.name).has(type));
          handler = server.makeAnalyzeRpcFun(name, version, level, applicable);
          byType.set(type, handler);
        }
        return handler(call, callback);
      };
      return addService.call(this, service, { ...impl, analyze });
    };
    try {
      return serve.call(this, name, version, level, args, ...rest);
    } finally {
      proto.addService = addService;
    }
  };
}
