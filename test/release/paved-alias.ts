/**
 * Makes `require("paved")` resolve to this checkout's library sources
 * (components/index.ts), for test processes that run the examples. An app team
 * gets the same module from node_modules/paved after `npm install paved`.
 */
import * as path from "path";

export const PAVED_ENTRY = path.resolve(__dirname, "..", "..", "components", "index.ts");

type Resolve = (request: string, ...rest: unknown[]) => string;

/** Installs the alias once per process. */
export function aliasPavedToSources(): void {
  const Module = require("module") as { _resolveFilename: Resolve & { pavedAlias?: true } };
  if (Module._resolveFilename.pavedAlias) return;
  const original = Module._resolveFilename;
  const patched: Resolve & { pavedAlias?: true } = function (
    this: unknown,
    request: string,
    ...rest: unknown[]
  ) {
    return original.call(
      this,
      request === "paved" ? PAVED_ENTRY : request,
      ...rest,
    );
  };
  patched.pavedAlias = true;
  Module._resolveFilename = patched;
}
