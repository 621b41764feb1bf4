/**
 * A Node.js language host for the Pulumi engine, for machines where the
 * official `pulumi-language-nodejs` cannot be built (the Go module proxy does
 * not serve its module: see engine/README.md).
 *
 * It does what the official host does for the parts Paved's tests use, and
 * leaves the program's semantics to the SDK: `Run` starts the program's own
 * `@pulumi/pulumi/cmd/run` (entry shapes, TypeScript, stack outputs are the
 * SDK's), `RunPlugin` starts `cmd/run-policy-pack` (policy packs) or
 * `cmd/run-plugin` (Node providers) from the plugin's own directory, and
 * `GetRequiredPackages` reads the provider packages from `node_modules` as the
 * official host does. The engine starts it as `pulumi-language-nodejs
 * <engine-address>` and reads the port it prints.
 *
 * Written against the public gRPC stubs that ship in @pulumi/pulumi/proto.
 */
import * as grpc from "@grpc/grpc-js";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

/* eslint-disable @typescript-eslint/no-require-imports */
const langproto = require("@pulumi/pulumi/proto/language_pb");
const langrpc = require("@pulumi/pulumi/proto/language_grpc_pb");
const pluginproto = require("@pulumi/pulumi/proto/plugin_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The version this host reports: the SDK it was written against. */
const VERSION = "3.248.0";

/** The exit code the SDK uses after it has already shown the user a message (no need to add one). */
const ALREADY_REPORTED = 32;

interface ProgramInfoLike {
  getRootDirectory(): string;
  getProgramDirectory(): string;
  getEntryPoint(): string;
  getOptions(): { toJavaScript(): Record<string, unknown> } | undefined;
}

/** A package.json's view of a Pulumi provider package. */
interface PackageJson {
  name?: string;
  version?: string;
  pulumi?: { resource?: boolean; name?: string; version?: string; server?: string };
}

/**
 * The provider packages a program uses: every package under `node_modules`
 * (scoped ones too) whose package.json says `pulumi.resource: true`, as the
 * official host finds them. Nested node_modules are not walked: npm hoists.
 */
export function requiredPackages(programDir: string): { name: string; version: string; server?: string }[] {
  const found = new Map<string, { name: string; version: string; server?: string }>();
  for (let dir = path.resolve(programDir); ; dir = path.dirname(dir)) {
    const nm = path.join(dir, "node_modules");
    for (const pkgDir of packageDirs(nm)) {
      const info = readPackageJson(path.join(pkgDir, "package.json"));
      if (!info?.pulumi?.resource) continue;
      const name = info.pulumi.name ?? (info.name ?? "").replace(/^@pulumi\//, "").replace(/^@/, "");
      const raw = info.pulumi.version ?? info.version ?? "";
      if (!name || !raw || found.has(name)) continue;
      found.set(name, { name, version: raw.startsWith("v") ? raw : `v${raw}`, server: info.pulumi.server });
    }
    if (path.dirname(dir) === dir) break;
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function packageDirs(nodeModules: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(nodeModules);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.startsWith(".")) continue;
    const p = path.join(nodeModules, e);
    if (e.startsWith("@")) {
      try {
        for (const s of fs.readdirSync(p)) out.push(path.join(p, s));
      } catch {
        // not a directory
      }
    } else out.push(p);
  }
  return out;
}

function readPackageJson(file: string): PackageJson | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as PackageJson;
  } catch {
    return undefined;
  }
}

/** Resolves a module of the program's own @pulumi/pulumi, as the official host does. */
function sdkModule(fromDir: string, mod: string): string {
  return require.resolve(mod, { paths: [fromDir] });
}

/** The runtime options of Pulumi.yaml (`runtime.options`), as the engine passes them. */
function runtimeOptions(info: ProgramInfoLike | undefined): Record<string, unknown> {
  return info?.getOptions()?.toJavaScript() ?? {};
}

/** The arguments and environment the SDK's `cmd/run` takes for a RunRequest. */
export function runCommand(
  req: {
    monitor: string;
    engine: string;
    organization: string;
    project: string;
    stack: string;
    pwd: string;
    dryRun: boolean;
    parallel: number;
    rootDirectory: string;
    programDirectory: string;
    entryPoint: string;
    args: string[];
    config: Record<string, string>;
    secretKeys: string[];
    options: Record<string, unknown>;
  },
  runPath: string,
): { args: string[]; env: Record<string, string> } {
  const args = [runPath];
  const flag = (k: string, v: string) => {
    if (v !== "") args.push(`--${k}=${v}`);
  };
  flag("monitor", req.monitor);
  flag("engine", req.engine);
  flag("organization", req.organization);
  flag("project", req.project);
  flag("root-directory", req.rootDirectory);
  flag("stack", req.stack);
  flag("pwd", req.programDirectory || req.pwd);
  if (req.dryRun) args.push("--dry-run");
  if (req.parallel > 0) flag("parallel", String(req.parallel));
  args.push(req.entryPoint || ".", ...req.args);
  const env: Record<string, string> = {
    PULUMI_CONFIG: JSON.stringify(req.config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.secretKeys),
    // TypeScript is on unless Pulumi.yaml says `typescript: false`, as in the official host.
    PULUMI_NODEJS_TYPESCRIPT: String(req.options.typescript !== false),
  };
  if (typeof req.options.tsconfig === "string") env.PULUMI_NODEJS_TSCONFIG_PATH = req.options.tsconfig;
  if (typeof req.options.nodeargs === "string" && req.options.nodeargs.trim() !== "") {
    args.unshift(...req.options.nodeargs.trim().split(/\s+/));
  }
  return { args, env };
}

/** The provider packages of a program as the protocol's dependency messages (plugins or packages). */
function dependencies<T extends DependencyMessage>(dir: string, Message: new () => T): T[] {
  return requiredPackages(dir).map((p) => {
    const d = new Message().setName(p.name).setKind("resource").setVersion(p.version);
    if (p.server) d.setServer(p.server);
    return d as T;
  });
}

/** What PluginDependency and PackageDependency have in common. */
interface DependencyMessage {
  setName(v: string): DependencyMessage;
  setKind(v: string): DependencyMessage;
  setVersion(v: string): DependencyMessage;
  setServer(v: string): DependencyMessage;
}

function bytes(s: Buffer | string): Uint8Array {
  return typeof s === "string" ? Buffer.from(s) : new Uint8Array(s);
}

/** Starts the host's gRPC server and prints its port, as the engine expects. */
export async function serve(engineAddress: string): Promise<grpc.Server> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  const unimplemented = (name: string) => (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
    cb(
      {
        code: grpc.status.UNIMPLEMENTED,
        details: `${name} is not implemented by paved's offline language host`,
      },
      null,
    );

  server.addService(langrpc.LanguageRuntimeService, {
    handshake: unimplemented("Handshake"),
    getPluginInfo(_call: unknown, cb: grpc.sendUnaryData<unknown>) {
      cb(null, new pluginproto.PluginInfo().setVersion(VERSION));
    },
    getRequiredPlugins(
      call: grpc.ServerUnaryCall<{ getProgram(): string; getInfo(): ProgramInfoLike }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) {
      const dir = call.request.getInfo()?.getProgramDirectory() || call.request.getProgram();
      const res = new langproto.GetRequiredPluginsResponse();
      cb(null, res.setPluginsList(dependencies(dir, pluginproto.PluginDependency)));
    },
    getRequiredPackages(
      call: grpc.ServerUnaryCall<{ getInfo(): ProgramInfoLike }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) {
      const dir = call.request.getInfo()?.getProgramDirectory() ?? ".";
      const res = new langproto.GetRequiredPackagesResponse();
      cb(null, res.setPackagesList(dependencies(dir, pluginproto.PackageDependency)));
    },
    run(call: grpc.ServerUnaryCall<RunRequestLike, unknown>, cb: grpc.sendUnaryData<unknown>) {
      runProgram(call.request, engineAddress).then(
        (r) => cb(null, r),
        (e: unknown) => cb({ code: grpc.status.INTERNAL, details: String(e) }, null),
      );
    },
    installDependencies(
      call: grpc.ServerWritableStream<{ getInfo(): ProgramInfoLike; getDirectory(): string }, unknown>,
    ) {
      const dir = call.request.getInfo()?.getProgramDirectory() || call.request.getDirectory();
      const child = spawn("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, env: process.env });
      child.stdout.on("data", (d: Buffer) =>
        call.write(new langproto.InstallDependenciesResponse().setStdout(bytes(d))),
      );
      child.stderr.on("data", (d: Buffer) =>
        call.write(new langproto.InstallDependenciesResponse().setStderr(bytes(d))),
      );
      child.on("close", (code) => {
        if (code === 0) call.end();
        else
          call.destroy(
            Object.assign(new Error(`npm install exited with ${code} in ${dir}`), {
              code: grpc.status.UNKNOWN,
            }),
          );
      });
    },
    runtimeOptionsPrompts(_call: unknown, cb: grpc.sendUnaryData<unknown>) {
      cb(null, new langproto.RuntimeOptionsResponse());
    },
    about(_call: unknown, cb: grpc.sendUnaryData<unknown>) {
      cb(null, new langproto.AboutResponse().setExecutable(process.execPath).setVersion(process.version));
    },
    getProgramDependencies(_call: unknown, cb: grpc.sendUnaryData<unknown>) {
      cb(null, new langproto.GetProgramDependenciesResponse());
    },
    runPlugin(call: grpc.ServerWritableStream<RunPluginRequestLike, unknown>) {
      runPlugin(call);
    },
    template: unimplemented("Template"),
    generateProgram: unimplemented("GenerateProgram"),
    generateProject: unimplemented("GenerateProject"),
    generatePackage: unimplemented("GeneratePackage"),
    pack: unimplemented("Pack"),
    link: unimplemented("Link"),
    cancel(_call: unknown, cb: grpc.sendUnaryData<unknown>) {
      cb(null, new emptyproto.Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  process.stdout.write(`${port}\n`);
  return server;
}

interface RunRequestLike {
  getProject(): string;
  getStack(): string;
  getPwd(): string;
  getProgram(): string;
  getArgsList(): string[];
  getConfigMap(): { toObject(): [string, string][] };
  getDryrun(): boolean;
  getParallel(): number;
  getMonitorAddress(): string;
  getConfigsecretkeysList(): string[];
  getOrganization(): string;
  getInfo(): ProgramInfoLike | undefined;
}

async function runProgram(req: RunRequestLike, engineAddress: string): Promise<unknown> {
  const info = req.getInfo();
  const programDirectory = info?.getProgramDirectory() || req.getPwd();
  const res = new langproto.RunResponse();
  let runPath: string;
  try {
    runPath = sdkModule(programDirectory, "@pulumi/pulumi/cmd/run");
  } catch {
    return res.setError(
      `could not find @pulumi/pulumi from ${programDirectory}; run npm install in the program's directory`,
    );
  }
  const { args, env } = runCommand(
    {
      monitor: req.getMonitorAddress(),
      engine: engineAddress,
      organization: req.getOrganization(),
      project: req.getProject(),
      stack: req.getStack(),
      pwd: req.getPwd(),
      dryRun: req.getDryrun(),
      parallel: req.getParallel(),
      rootDirectory: info?.getRootDirectory() ?? "",
      programDirectory,
      entryPoint: info?.getEntryPoint() || req.getProgram(),
      args: req.getArgsList(),
      config: Object.fromEntries(req.getConfigMap().toObject()),
      secretKeys: req.getConfigsecretkeysList(),
      options: runtimeOptions(info),
    },
    runPath,
  );
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: programDirectory,
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("close", (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  if (code === ALREADY_REPORTED) return res.setBail(true);
  if (code !== 0) return res.setError(`Program exited with non-zero exit code: ${code}`);
  return res;
}

interface RunPluginRequestLike {
  getPwd(): string;
  getArgsList(): string[];
  getEnvList(): string[];
  getInfo(): ProgramInfoLike | undefined;
  getKind(): string;
}

/** Policy packs and Node plugins: the SDK's own runner, in the plugin's directory, output streamed back. */
function runPlugin(call: grpc.ServerWritableStream<RunPluginRequestLike, unknown>): void {
  const req = call.request;
  const dir = req.getInfo()?.getProgramDirectory() || req.getPwd();
  const policy = req.getKind() === "analyzer" || fs.existsSync(path.join(dir, "PulumiPolicy.yaml"));
  let runner: string;
  try {
    runner = sdkModule(dir, policy ? "@pulumi/pulumi/cmd/run-policy-pack" : "@pulumi/pulumi/cmd/run-plugin");
  } catch {
    call.write(
      new langproto.RunPluginResponse().setStderr(bytes(`could not find @pulumi/pulumi from ${dir}\n`)),
    );
    call.write(new langproto.RunPluginResponse().setExitcode(1));
    call.end();
    return;
  }
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const kv of req.getEnvList()) {
    const i = kv.indexOf("=");
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  // run-policy-pack takes `<engine-address> <program>`; run-plugin takes `<program> <args...>`.
  const args = policy ? [runner, ...req.getArgsList(), "."] : [runner, ".", ...req.getArgsList()];
  const child = spawn(process.execPath, args, { cwd: dir, env });
  child.stdout.on("data", (d: Buffer) => call.write(new langproto.RunPluginResponse().setStdout(bytes(d))));
  child.stderr.on("data", (d: Buffer) => call.write(new langproto.RunPluginResponse().setStderr(bytes(d))));
  child.on("close", (code) => {
    call.write(new langproto.RunPluginResponse().setExitcode(code ?? 1));
    call.end();
  });
  call.on("cancelled", () => child.kill());
}

if (require.main === module) {
  const engine = process.argv.slice(2).filter((a) => !a.startsWith("-"))[0] ?? "";
  serve(engine).catch((e: unknown) => {
    process.stderr.write(`pulumi-language-nodejs (paved): ${String(e)}\n`);
    process.exit(1);
  });
}
