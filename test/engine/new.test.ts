/**
 * The workflow as a user gets it, under the real engine:
 * - `pulumi new <examples/web-service>` with the local paved (an `npm pack`
 *   tarball installed by the language host's InstallDependencies), then
 *   `pulumi preview` there, type-checked as a user's run is;
 * - the policy pack as the engine starts it from the assembled, publishable
 *   `dist/policy-pack`, giving the same findings as `policies/`;
 * - remediation: `paved-required-tags` at level `remediate` fills the missing
 *   governance tags into the inputs the engine previews;
 * - levels per stack: the same finding is advisory with dev's config and
 *   mandatory with prod's.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { POLICIES, PULUMI, PULUMI_HOME, REPO, packConfig, policyFindings, workspace } from "./harness";

const SKIP_TYPECHECK = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

describe("pulumi new from examples/web-service with the packed library", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paved-new-"));
    execFileSync("npm", ["run", "build"], { cwd: REPO, stdio: "ignore" });
    execFileSync("npm", ["pack", "--pack-destination", tmp], { cwd: REPO, stdio: "ignore" });
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("creates the project, installs its dependencies and previews with the pack", () => {
    const tarball = fs.readdirSync(tmp).find((f) => f.endsWith(".tgz"))!;
    // The template as published, pointed at the local package instead of the registry's.
    const template = path.join(tmp, "template");
    fs.cpSync(path.join(REPO, "examples", "web-service"), template, { recursive: true });
    const pkgFile = path.join(template, "package.json");
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { dependencies: Record<string, string> };
    pkg.dependencies.paved = `file:${path.join(tmp, tarball)}`;
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));

    const env = {
      ...process.env,
      PULUMI_HOME,
      PULUMI_BACKEND_URL: `file://${tmp}`,
      PULUMI_CONFIG_PASSPHRASE: "paved-engine-tests",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const app = path.join(tmp, "app");
    const config = [
      "app:certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/4f1c2d3e",
      "app:amiId=ami-0a1b2c3d4e5f60718",
      "app:assetsBucket=shop-assets",
      "app:alarmEmail=oncall@example.com",
    ].flatMap((c) => ["-c", c]);
    execFileSync(
      PULUMI,
      [
        "new",
        template,
        "--yes",
        "--non-interactive",
        "--dir",
        app,
        "--name",
        "shop-web",
        "--stack",
        "dev",
        ...config,
      ],
      { env, stdio: "ignore", timeout: 300_000 },
    );
    expect(fs.existsSync(path.join(app, "node_modules", "paved", "dist", "components", "index.js"))).toBe(
      true,
    );
    expect(fs.readFileSync(path.join(app, "Pulumi.yaml"), "utf8")).toMatch(/^name: shop-web$/m);

    const out = execFileSync(
      PULUMI,
      ["preview", "--non-interactive", "--policy-pack", POLICIES, "--policy-pack-config", packConfig("prod")],
      { cwd: app, env, encoding: "utf8", timeout: 300_000 },
    );
    expect(out).toMatch(/\+ \d{3} to create/);
    expect(out).not.toMatch(/error:/);
  });
});

describe("the pack as the engine starts it", () => {
  const blocked = path.join(REPO, "examples", "blocked");

  it("serves the same findings from the assembled dist/policy-pack as from policies/", () => {
    execFileSync("npm", ["run", "build:pack"], { cwd: REPO, stdio: "ignore" });
    const ws = workspace(blocked, "dev");
    try {
      const run = (pack: string) =>
        policyFindings(
          ws.pulumi(["preview", "--policy-pack", pack, "--policy-pack-config", packConfig("prod")], {
            events: true,
            env: SKIP_TYPECHECK,
          }).events,
        )
          .map((f) => `${f.level} ${f.policy} ${f.urn}`)
          .sort();
      const source = run(POLICIES);
      expect(source.length).toBeGreaterThan(0);
      expect(run(path.join(REPO, "dist", "policy-pack"))).toEqual(source);
    } finally {
      ws.remove();
    }
  });

  it("remediates missing governance tags into the previewed inputs, and levels follow the stack's config", () => {
    const ws = workspace(path.join(__dirname, "fixtures", "untagged"), "dev");
    try {
      const config = path.join(ws.dir, "..", "remediate.json");
      fs.writeFileSync(config, JSON.stringify({ "paved-required-tags": "remediate" }));
      const remediated = ws.pulumi([
        "preview",
        "--json",
        "--policy-pack",
        POLICIES,
        "--policy-pack-config",
        config,
      ]);
      const plan = JSON.parse(remediated.stdout) as {
        steps: { urn: string; newState?: { inputs?: { tags?: Record<string, string> } } }[];
      };
      const bucket = plan.steps.find((s) => s.urn.endsWith("::logs"));
      expect(bucket?.newState?.inputs?.tags).toMatchObject({
        "app-id": "shop",
        owner: "team-shop",
        environment: "dev",
      });

      const level = (stage: "dev" | "prod") =>
        policyFindings(
          ws.pulumi(["preview", "--policy-pack", POLICIES, "--policy-pack-config", packConfig(stage)], {
            events: true,
          }).events,
        ).find((f) => f.policy === "paved-required-tags")?.level;
      expect(level("dev")).toBe("advisory");
      expect(level("prod")).toBe("mandatory");
    } finally {
      ws.remove();
    }
  });
});
