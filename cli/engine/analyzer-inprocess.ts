/**
 * The in-process transport: loads a Node policy pack inside this process and
 * keeps the exact handler table its `PolicyPack` would serve over gRPC
 * (getAnalyzerInfo, configure, analyze, analyzeStack), without binding a
 * socket. Requests are the same protobuf objects the gRPC transport sends,
 * so the pack runs the same deserialization, proxies and reporting; only the
 * wire and the second process are gone, which is most of the per-resource
 * cost (measured: see the report in `analyzer.ts`).
 *
 * How: while the pack module loads, `@grpc/grpc-js`'s `Server.prototype`
 * `addService` records the handlers and `bindAsync` does nothing; the working
 * directory is the pack's (the SDK reads `package.json` from it). Both are
 * restored before this returns. A process can serve one pack (an SDK rule);
 * asked for the same pack again (a long-lived process: the tests' in-process
 * CLI driver) it returns the loaded one, which the caller configures afresh.
 */
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

type Handler = (call: { request: unknown }, cb: (err: unknown, resp: unknown) => void) => unknown;

/** The calls a transport answers: the Analyzer service, request in, response out. */
export interface AnalyzerTransport {
  getAnalyzerInfo(): Promise<analyzerpb.AnalyzerInfo>;
  configure(req: analyzerpb.ConfigureAnalyzerRequest): Promise<unknown>;
  analyze(req: analyzerpb.AnalyzeRequest): Promise<analyzerpb.AnalyzeResponse>;
  analyzeStack(req: analyzerpb.AnalyzeStackRequest): Promise<analyzerpb.AnalyzeResponse>;
  remediate(req: analyzerpb.AnalyzeRequest): Promise<analyzerpb.RemediateResponse>;
  close(): Promise<void>;
}

let loaded: { dir: string; transport: AnalyzerTransport } | undefined;

/** Loads the pack in `packDir` (or returns it, loaded before) and returns its handlers as a transport. */
export function loadPackInProcess(packDir: string): AnalyzerTransport {
  const dir = path.resolve(packDir);
  if (loaded !== undefined) {
    if (loaded.dir === dir) return loaded.transport;
    throw new Error(`a pack is already loaded in this process (${loaded.dir}); one pack per process`);
  }
  const proto = grpc.Server.prototype as unknown as {
    addService: (service: unknown, impl: Record<string, Handler>) => void;
    bindAsync: (...args: unknown[]) => void;
  };
  const { addService, bindAsync } = proto;
  let handlers: Record<string, Handler> | undefined;
  const cwd = process.cwd();
  try {
    proto.addService = (_service, impl) => {
      handlers = impl;
    };
    proto.bindAsync = () => undefined;
    process.chdir(dir);
    // A pack is loaded by directory at run time (its package.json "main"), so no static import.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(dir);
  } finally {
    proto.addService = addService;
    proto.bindAsync = bindAsync;
    process.chdir(cwd);
  }
  if (!handlers) throw new Error(`${dir} did not construct a PolicyPack`);
  const h = handlers;
  const call = <T>(name: string, request: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      void h[name]({ request }, (err, resp) => (err ? reject(err) : resolve(resp as T)));
    });
  // The pack's info is fixed when it loads (its policies, schemas and initial config): asked again by
  // a reused pack, it is the same answer, and building it converts every config schema (~150 ms).
  let info: Promise<analyzerpb.AnalyzerInfo> | undefined;
  const transport: AnalyzerTransport = {
    getAnalyzerInfo: () => (info ??= call("getAnalyzerInfo", new Empty())),
    configure: (req) => call("configure", req),
    analyze: (req) => call("analyze", req),
    analyzeStack: (req) => call("analyzeStack", req),
    remediate: (req) => call("remediate", req),
    close: async () => undefined,
  };
  loaded = { dir, transport };
  return transport;
}
