/**
 * Jest stand-ins (moduleNameMapper, jest.config.js) for the modules the Pulumi
 * SDKs require as they load but use only inside functions: the Automation API,
 * `@grpc/grpc-js` and the `*_grpc_pb` service modules, `@opentelemetry/api`.
 * Jest loads every module again in each test file's registry, so each was
 * paid for in every file (144 of a policy test file's 312 modules) and
 * used by few. Each stand-in is the namespace the CLI gives programs outside
 * jest (cli/engine/loader.ts, `lazyNamespace`): it loads the real module on
 * first use and forwards to it, so only the load moves.
 * test/helpers/sdk-deferred.test.ts pins the SDK requests these map.
 */
import * as path from "path";
import { lazyNamespace } from "../../../cli/engine/loader";

interface NodeModule {
  _resolveFilename(request: string, parent: object, isMain: boolean): string;
  _nodeModulePaths(dir: string): string[];
}
// Node's own resolver: jest's `require.resolve` and `createRequire` apply the moduleNameMapper,
// which would map these requests back to the stand-ins. jest's `module` builtin carries Node's
// statics over, so this resolves exactly as the SDK's `require` does.
const Module = require("module") as NodeModule;

/** The file `request` names when the module in `file` requires it, as Node resolves it. */
export function resolveFrom(file: string, request: string): string {
  const parent = { id: file, filename: file, paths: Module._nodeModulePaths(path.dirname(file)) };
  return Module._resolveFilename(request, parent, false);
}

const sdkIndex = require.resolve("@pulumi/pulumi");

/** The file `request` names when `@pulumi/pulumi`'s index requires it. */
export function fromSdk(request: string): string {
  return resolveFrom(sdkIndex, request);
}

/** A lazy namespace over the module in `file`, loaded by its path (the mapper maps requests by name only). */
export function lazyModule(file: string): object {
  let real: object | undefined;
  return lazyNamespace(() => (real ??= require(file) as object));
}
