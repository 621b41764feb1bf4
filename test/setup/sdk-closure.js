/**
 * Jest stand-in (moduleNameMapper) for the Pulumi SDK's closure serialization
 * modules, which `@pulumi/pulumi/runtime` loads eagerly: with them come the
 * TypeScript compiler and npm's arborist, pacote and sigstore, about 450 of
 * the 1,000 modules a policy test file loaded, compiled again in every test
 * file's module registry. The stand-in loads the real module on the first call
 * and forwards to it, so behaviour is the same; only the load moves. The CLI
 * does the same outside jest (cli/engine/loader.ts, `deferSdkInternals`).
 * test/helpers/sdk-closure.test.ts pins the SDK names this relies on.
 */
"use strict";
const path = require("path");

const closure = path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "runtime", "closure");

/** The real module's exports, loaded on first use (by file path: the mapper only maps the SDK's relative requests). */
function lazy(file) {
  let real;
  return () => (real ??= require(path.join(closure, file)));
}
const serializeClosure = lazy("serializeClosure.js");
const codePaths = lazy("codePaths.js");

module.exports = {
  __esModule: true,
  serializeFunction: (...args) => serializeClosure().serializeFunction(...args),
  serializeFunctionAsync: (...args) => serializeClosure().serializeFunctionAsync(...args),
  computeCodePaths: (...args) => codePaths().computeCodePaths(...args),
  findWorkspaceRoot: (...args) => codePaths().findWorkspaceRoot(...args),
};
