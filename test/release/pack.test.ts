/**
 * The package an app team installs: `npm run build`, `npm pack`, then an
 * offline install of the tarball into a temporary project, which imports every
 * component, type-checks against the shipped `.d.ts` and builds one component
 * under the mock engine from the installed copy.
 *
 * Offline install: the temporary project starts with a hard-linked copy of the
 * repository's node_modules (the dependencies the package declares are all
 * there), so `npm install --offline` only has to unpack the tarball and prune.
 * The work directory lives under node_modules/.cache, on the same file system
 * as node_modules (hard links need that) and ignored by git.
 *
 * One build, one pack and one install are shared by every assertion.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { COMPONENT_EXPORTS } from "./public-api";

const ROOT = path.resolve(__dirname, "../..");
const WORK = path.join(ROOT, "node_modules", ".cache", "paved-pack-test");
const APP = path.join(WORK, "app");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  bin?: string | Record<string, string>;
  dependencies: Record<string, string>;
};

interface PackedFile {
  path: string;
}

let files: string[] = [];
let tarball = "";

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

beforeAll(() => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(APP, { recursive: true });
  // The build the release runs (`npm run build`): tsc with tsconfig.build.json.
  run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], ROOT);
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", WORK], ROOT)) as {
    filename: string;
    files: PackedFile[];
  }[];
  files = packed[0].files.map((f) => f.path).sort();
  tarball = path.join(WORK, packed[0].filename);

  fs.writeFileSync(path.join(APP, "package.json"), JSON.stringify({ name: "app-team", private: true }));
  // Hard links, one cp for every entry but the cache this directory lives in.
  const modules = path.join(ROOT, "node_modules");
  const entries = fs.readdirSync(modules).filter((e) => e !== ".cache");
  fs.mkdirSync(path.join(APP, "node_modules"));
  execFileSync("cp", ["-al", ...entries.map((e) => path.join(modules, e)), path.join(APP, "node_modules")]);
  run(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball],
    APP,
  );
}, 240_000);

afterAll(() => {
  fs.rmSync(WORK, { recursive: true, force: true });
});

describe("the tarball", () => {
  test("holds compiled JavaScript with a declaration file for every module of the library", () => {
    const js = files.filter((f) => f.startsWith("dist/components/") && f.endsWith(".js"));
    expect(js).toContain("dist/components/index.js");
    const missing = js.filter((f) => !files.includes(f.replace(/\.js$/, ".d.ts")));
    expect(missing).toEqual([]);
    // Every source module of the library is compiled into the package.
    const sources = files.filter((f) => /^components\/.*\.ts$/.test(f) && !f.endsWith(".d.ts"));
    const notCompiled = sources.filter((f) => !files.includes(`dist/${f.replace(/\.ts$/, ".js")}`));
    expect(notCompiled).toEqual([]);
  });

  test("holds the policy pack: its manifest, package.json and entry point", () => {
    expect(files).toEqual(
      expect.arrayContaining(["policies/PulumiPolicy.yaml", "policies/package.json", "policies/index.ts"]),
    );
    expect(files).toContain("dist/policies/pack.js");
    // Not a plugin package: `pulumi package add` cannot infer its schema (docs/plugin.md).
    expect(files).not.toContain("PulumiPlugin.yaml");
  });

  test("holds no tests, snapshots, examples or build info", () => {
    const stray = files.filter((f) =>
      /(^test\/|^dist\/test\/|\.test\.(ts|js)$|__snapshots__|^examples\/|^dist\/examples\/|tsbuildinfo|^bench\/)/.test(
        f,
      ),
    );
    expect(stray).toEqual([]);
  });

  test("ships the bin file package.json names, when there is one", () => {
    const bins = typeof pkg.bin === "string" ? [pkg.bin] : Object.values(pkg.bin ?? {});
    for (const bin of bins) expect(files).toContain(path.posix.normalize(bin));
  });
});

describe("installed into an app team's project", () => {
  const installed = () => path.join(APP, "node_modules", "paved");

  test("npm installed the tarball as the paved package at this version", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(installed(), "package.json"), "utf8"));
    expect(manifest.name).toBe("paved");
    expect(manifest.version).toBe(pkg.version);
  });

  test("require('paved') gives every component as a class and the version stamp", () => {
    const script = `const p = require("paved");
      process.stdout.write(JSON.stringify({
        classes: Object.keys(p).filter((k) => typeof p[k] === "function" && /^class /.test(String(p[k]))),
        version: p.PAVED_VERSION,
      }));`;
    const out = JSON.parse(run(process.execPath, ["-e", script], APP)) as {
      classes: string[];
      version: string;
    };
    expect(out.classes).toEqual(expect.arrayContaining([...COMPONENT_EXPORTS]));
    expect(out.version).toBe(pkg.version);
  });

  test("the policy pack's definitions load from paved/policies, at the library's version", () => {
    const script = `const p = require("paved/policies");
      const args = p.packArgs ?? p.default;
      process.stdout.write(JSON.stringify({ count: (args && args.policies || []).length }));`;
    const out = JSON.parse(run(process.execPath, ["-e", script], APP)) as { count: number };
    expect(out.count).toBeGreaterThan(0);
    const packManifest = JSON.parse(
      fs.readFileSync(path.join(installed(), "policies", "package.json"), "utf8"),
    );
    expect(packManifest.version).toBe(pkg.version);
  });

  test("a TypeScript program type-checks against the shipped declarations (node16 resolution, exports)", () => {
    const program = [
      `import { ${COMPONENT_EXPORTS.join(", ")} } from "paved";`,
      `import type { Governance } from "paved";`,
      `const governance: Partial<Governance> = { appId: "shop" };`,
      `export const classes = [${COMPONENT_EXPORTS.join(", ")}].length;`,
      `export { governance };`,
    ].join("\n");
    fs.writeFileSync(path.join(APP, "index.ts"), program);
    fs.writeFileSync(
      path.join(APP, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "node16",
          moduleResolution: "node16",
          target: "ES2022",
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["index.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], {
      cwd: APP,
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  test("a component built from the installed copy registers its resources, tagged with the version", () => {
    const script = `
      const pulumi = require("@pulumi/pulumi");
      const registered = [];
      pulumi.runtime.setAllConfig({
        "paved:appId": "shop", "paved:owner": "team-shop", "paved:costCenter": "cc-1",
        "paved:dataClassification": "internal", "paved:environment": "dev", "aws:region": "us-east-1",
        "paved:permissionsBoundaryArn": "arn:aws:iam::123456789012:policy/boundary",
      });
      pulumi.runtime.setMocks({
        newResource: (a) => { registered.push({ type: a.type, tags: a.inputs.tags }); return { id: a.name + "-id", state: a.inputs }; },
        call: (a) => a.token === "aws:index/getAvailabilityZones:getAvailabilityZones"
          ? { names: ["us-east-1a", "us-east-1b", "us-east-1c"], zoneIds: ["use1-az1", "use1-az2", "use1-az3"] }
          : a.inputs,
      }, "app-team", "dev");
      const { SegmentedNetwork } = require("paved");
      new SegmentedNetwork("core", { vpcCidr: "10.0.0.0/16", azCount: 2, nat: "none", flows: [] });
      (async () => {
        const settings = require("@pulumi/pulumi/runtime/settings");
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setImmediate(r));
          await settings.waitForRPCs();
        }
        const vpc = registered.find((r) => r.type === "aws:ec2/vpc:Vpc");
        process.stdout.write(JSON.stringify({ count: registered.length, vpcTags: vpc && vpc.tags }));
      })();`;
    const out = JSON.parse(run(process.execPath, ["-e", script], APP)) as {
      count: number;
      vpcTags?: Record<string, string>;
    };
    expect(out.count).toBeGreaterThan(5);
    expect(out.vpcTags?.["paved:version"]).toBe(pkg.version);
    expect(out.vpcTags?.["app-id"]).toBe("shop");
  });

  test("the installed paved CLI checks the app team's program: npx paved check . exits 0", () => {
    fs.writeFileSync(
      path.join(APP, "Pulumi.yaml"),
      "name: app-team\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: program.ts\n",
    );
    fs.writeFileSync(
      path.join(APP, "Pulumi.dev.yaml"),
      [
        "config:",
        "  aws:region: eu-west-1",
        "  paved:appId: shop",
        "  paved:owner: team-shop",
        "  paved:costCenter: cc-1",
        "  paved:dataClassification: internal",
        "  paved:environment: dev",
        "  paved:permissionsBoundaryArn: arn:aws:iam::123456789012:policy/boundary",
        "",
      ].join("\n"),
    );
    fs.writeFileSync(
      path.join(APP, "program.ts"),
      [
        `import { SegmentedNetwork } from "paved";`,
        `const net = new SegmentedNetwork("core", { vpcCidr: "10.0.0.0/16", azCount: 2, flows: [] });`,
        `export const vpcId = net.vpcId;`,
        "",
      ].join("\n"),
    );
    const bin = path.join(APP, "node_modules", ".bin", "paved");
    const r = spawnSync(bin, ["check", ".", "--format", "json"], { cwd: APP, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { violations: { level: string }[] };
    expect(report.violations.filter((v) => v.level === "mandatory")).toEqual([]);
  });
});
