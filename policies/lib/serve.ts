/**
 * Makes the next `new PolicyPack(...)` in this process serve Analyze and
 * AnalyzeStack with paved's one-pass handlers (`analyze.ts`) instead of the
 * SDK's per-policy loops, and GetAnalyzerInfo with the SDK's answer held more
 * cheaply (`analyzer-info.ts`). Configure (observed, to read the same config),
 * Remediate and the rest stay the SDK's as served.
 *
 * How: the SDK's `serve` (the pinned @pulumi/policy's `server.js`, read at
 * call time by `PolicyPack`) is wrapped; while it runs, the service table it
 * hands `grpc.Server.prototype.addService` is swapped, so the pack's name,
 * version, level and policies are the ones the SDK serves. Both are restored
 * after. Called by the pack's entries: `policies/run.js` (sources) and the
 * entry `scripts/build-policy-pack.js` writes (the published pack).
 */
import type { PolicyPackArgs } from "@pulumi/policy";
import type { EnforcementLevel } from "./types";
import { withPavedAnalyze } from "./analyze";
import { getAnalyzerInfoRpc } from "./analyzer-info";

type Serve = (
  name: string,
  version: string,
  level: EnforcementLevel,
  args: PolicyPackArgs,
  ...rest: unknown[]
) => void;
type AddService = (this: unknown, service: unknown, impl: Parameters<typeof withPavedAnalyze>[2]) => void;

const MARK = Symbol.for("paved.servesPavedHandlers");

/** Installs the swap once per SDK module instance; returns true when it installed it now. */
export function installPavedHandlers(): boolean {
  /* eslint-disable @typescript-eslint/no-require-imports -- internal modules of the pinned SDK, untyped */
  const server = require("@pulumi/policy/server") as { serve: Serve & { [MARK]?: true } };
  const grpc = require("@grpc/grpc-js") as { Server: { prototype: { addService: AddService } } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (server.serve[MARK]) return false;
  const serve = server.serve;
  const wrapped: Serve & { [MARK]?: true } = function (this: unknown, name, version, level, args, ...rest) {
    const proto = grpc.Server.prototype;
    const addService = proto.addService;
    proto.addService = function (service, impl) {
      proto.addService = addService;
      const pack = { name, version, level };
      const served = withPavedAnalyze(pack, args?.policies ?? [], impl);
      // The SDK's answer but for how config schemas are held (built only for the wire): analyzer-info.ts.
      served.getAnalyzerInfo = getAnalyzerInfoRpc(name, version, level, args ?? {}, rest[0]);
      return addService.call(this, service, served);
    };
    try {
      return serve.call(this, name, version, level, args, ...rest);
    } finally {
      proto.addService = addService;
    }
  };
  wrapped[MARK] = true;
  server.serve = wrapped;
  return true;
}
