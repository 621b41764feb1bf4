/**
 * Pins the deferral of what the Pulumi SDKs require as they load but use only
 * inside functions (the Automation API, gRPC and its service modules,
 * OpenTelemetry, semver): the CLI's loader answers those requests with lazy
 * namespaces (cli/engine/loader.ts), and jest maps them to the same
 * (test/setup/sdk-deferred). An SDK that moves a request fails here instead of
 * silently loading it everywhere again; a namespace that stops forwarding
 * fails the namespace tests; a program's process that loads them fails the
 * last test.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { isDeferredSdkRequest, lazyNamespace } from "../../cli/engine/loader";
import { resolveFrom } from "../setup/sdk-deferred/lazy";

const ROOT = path.resolve(__dirname, "..", "..");
const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const policySdk = path.dirname(require.resolve("@pulumi/policy/package.json"));
const read = (...p: string[]) => fs.readFileSync(path.join(...p), "utf8");

/** Each deferred request, as the SDKs make it, with the file that makes it. */
const REQUESTS: readonly [file: string, line: string][] = [
  [path.join(sdk, "index.js"), 'const automation = __importStar(require("./automation"));'],
  [path.join(sdk, "runtime", "settings.js"), 'const grpc = __importStar(require("@grpc/grpc-js"));'],
  [
    path.join(sdk, "runtime", "settings.js"),
    'const engrpc = __importStar(require("../proto/engine_grpc_pb"));',
  ],
  [
    path.join(sdk, "runtime", "settings.js"),
    'const resrpc = __importStar(require("../proto/resource_grpc_pb"));',
  ],
  [
    path.join(sdk, "runtime", "settings.js"),
    'const opentelemetry = __importStar(require("@opentelemetry/api"));',
  ],
  [
    path.join(sdk, "runtime", "callbacks.js"),
    'const callrpc = __importStar(require("../proto/callback_grpc_pb"));',
  ],
  [
    path.join(sdk, "provider", "server.js"),
    'const provrpc = __importStar(require("../proto/provider_grpc_pb"));',
  ],
  [path.join(sdk, "runtime", "rpc.js"), 'require("semver")'],
  [path.join(policySdk, "server.js"), 'const grpc = require("@grpc/grpc-js");'],
  [
    path.join(policySdk, "server.js"),
    'const analyzerrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");',
  ],
];

const requestOf = (line: string) => /require\("([^"]+)"\)/.exec(line)?.[1] ?? "";
const NODE_MODULES = path.join(ROOT, "node_modules");

describe("the SDKs' requests", () => {
  test.each(REQUESTS.map(([file, line]) => [path.relative(NODE_MODULES, file), line, file]))(
    "%s: %s",
    (_name, line, file) => {
      expect(read(file)).toContain(line);
      expect(isDeferredSdkRequest(requestOf(line), file)).toBe(true);
    },
  );

  test("each deferred module is an object namespace, installed (a lazy namespace cannot be called)", () => {
    for (const [file, line] of REQUESTS) {
      const real = resolveFrom(file, requestOf(line));
      expect(path.relative(NODE_MODULES, real).startsWith("..")).toBe(false);
      expect([real, typeof jest.requireActual(real)]).toEqual([real, "object"]);
    }
  });

  test("@pulumi/policy reaches the same gRPC as @pulumi/pulumi (jest maps the package by name)", () => {
    const policyServer = path.join(policySdk, "server.js");
    const runtimeSettings = path.join(sdk, "runtime", "settings.js");
    expect(resolveFrom(policyServer, "@grpc/grpc-js")).toBe(resolveFrom(runtimeSettings, "@grpc/grpc-js"));
  });
});

describe("isDeferredSdkRequest", () => {
  const settings = path.join(sdk, "runtime", "settings.js");
  test("only the SDKs' own requests are deferred, not a program's or paved's", () => {
    expect(isDeferredSdkRequest("@grpc/grpc-js", path.join(ROOT, "cli", "engine", "analyzer.ts"))).toBe(
      false,
    );
    expect(isDeferredSdkRequest("semver", path.join(ROOT, "examples", "web-service", "index.ts"))).toBe(
      false,
    );
    expect(isDeferredSdkRequest("@grpc/grpc-js", undefined)).toBe(false);
  });
  test("the Automation API only as the index binds it, and only service modules of the protos", () => {
    expect(isDeferredSdkRequest("./automation", settings)).toBe(false);
    expect(isDeferredSdkRequest("../proto/resource_pb", settings)).toBe(false);
    expect(isDeferredSdkRequest("js-yaml", settings)).toBe(false);
  });
});

test("pulumi.automation gives the real API's classes and functions", () => {
  const real = jest.requireActual(path.join(sdk, "automation", "index.js")) as Record<string, unknown>;
  expect(pulumi.automation.LocalWorkspace).toBe(real.LocalWorkspace);
  expect(pulumi.automation.Stack).toBe(real.Stack);
  expect(pulumi.automation.fullyQualifiedStackName).toBe(real.fullyQualifiedStackName);
  expect(Object.keys(pulumi.automation).sort()).toEqual(Object.keys(real).sort());
  expect("LocalWorkspace" in pulumi.automation).toBe(true);
});

describe("lazyNamespace", () => {
  test("loads nothing until used, then forwards reads, enumeration, `in` and writes", () => {
    const target: Record<string, unknown> = { a: 1, f: () => 2 };
    let loads = 0;
    const ns = lazyNamespace(() => {
      loads++;
      return target;
    }) as Record<string, unknown>;
    expect((ns as { __esModule?: boolean }).__esModule).toBe(true);
    expect(loads).toBe(0);
    expect(ns.a).toBe(1);
    expect(ns.f).toBe(target.f);
    expect(Object.keys(ns)).toEqual(["a", "f"]);
    expect("a" in ns && !("b" in ns)).toBe(true);
    ns.b = 3;
    expect(target.b).toBe(3);
    delete ns.b;
    expect("b" in target).toBe(false);
  });

  test("an error loading the real module surfaces at first use, not hidden", () => {
    const ns = lazyNamespace(() => {
      throw new Error("no such module");
    }) as Record<string, unknown>;
    expect(() => ns.anything).toThrow("no such module");
  });
});

test("a program's process (the CLI's loader) loads none of them until used, then the real modules", () => {
  const script = `
    require(${JSON.stringify(path.join(ROOT, "bin", "bootstrap.js"))}).registerLoader();
    require(${JSON.stringify(path.join(ROOT, "components", "index.ts"))});
    require("@pulumi/pulumi");
    require("@pulumi/pulumi/runtime").setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs });
    const loaded = () => Object.keys(require.cache).filter((f) =>
      /[\\\\/]node_modules[\\\\/](@grpc[\\\\/]grpc-js|@opentelemetry[\\\\/]api|@pulumi[\\\\/]pulumi[\\\\/](automation|runtime[\\\\/]closure))[\\\\/]|_grpc_pb\\.js$/.test(f)).length;
    const before = loaded();
    const pulumi = require("@pulumi/pulumi");
    const same = pulumi.automation.LocalWorkspace === require("@pulumi/pulumi/automation").LocalWorkspace;
    require("@pulumi/policy/server");
    process.stdout.write(JSON.stringify({ before, same, after: loaded() }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT }).toString()) as {
    before: number;
    same: boolean;
    after: number;
  };
  expect(out.before).toBe(0);
  expect(out.same).toBe(true);
  expect(out.after).toBeGreaterThan(10);
});
