/**
 * The CLI (driven in-process, see run-cli.ts; one test spawns bin/paved.js) on fixture programs and stack exports, with
 * a fixed fixture pack (test/cli/fixtures/pack) so policies, levels and URNs
 * are exact, and with the bundled pack on the deliberately bad program.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliResult, ROOT, paved, pavedProcess, program, state } from "./run-cli";

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];
const BAD = "urn:pulumi:dev::bad-program::";
const BAD_STATE = "urn:pulumi:prod::payments::";

interface JsonReport {
  violations: { policy: string; level: string; severity: string; urn: string; message: string }[];
  exemptions: unknown[];
  summary: Record<string, number | boolean>;
  pack: { name: string; version: string };
  target: Record<string, string>;
}

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

/** `paved check` of the bad program with the fixture pack, JSON: one run for the tests that read it. */
let badJsonRun: Promise<CliResult> | undefined;
const badJson = () => (badJsonRun ??= paved(["check", program("bad"), ...PACK, "--format", "json"]));
const tuples = (r: JsonReport) => r.violations.map((v) => [v.policy, v.level, v.urn]);

describe("paved check <program-dir>", () => {
  test("a bad program exits 1 with each mandatory policy against the offending resource's URN", async () => {
    const r = await badJson();
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(tuples(report)).toEqual([
      ["fixture-no-public-ssh", "mandatory", `${BAD}aws:ec2/securityGroup:SecurityGroup::open-ssh`],
      // A stack policy's finding carries the URN it blamed, not the stack's.
      ["fixture-vpc-flow-logs", "mandatory", `${BAD}aws:ec2/vpc:Vpc::bad-vpc`],
      ["fixture-volume-encrypted", "advisory", `${BAD}aws:ebs/volume:Volume::plain-volume`],
    ]);
    expect(report.violations[0]).toEqual({
      policy: "fixture-no-public-ssh",
      level: "mandatory",
      severity: "critical",
      urn: `${BAD}aws:ec2/securityGroup:SecurityGroup::open-ssh`,
      message: "ingress 22-22 is open to 0.0.0.0/0",
      resourceName: "open-ssh",
      resourceType: "aws:ec2/securityGroup:SecurityGroup",
    });
    expect(report.summary).toEqual({
      resources: 4,
      policies: 4,
      violations: 3,
      mandatory: 2,
      advisory: 1,
      exemptions: 0,
      passed: false,
    });
    expect(report.exemptions).toEqual([]);
    expect(report.pack).toEqual({ name: "fixture", version: "1.2.3" });
    expect(report.target).toEqual({
      kind: "program",
      path: program("bad"),
      project: "bad-program",
      stack: "dev",
    });
  });

  test("--transport process (the pack's own process, as the engine runs it) finds what the default in-process transport finds", async () => {
    const [viaProcess, inProcess] = await Promise.all([
      paved(["check", program("bad"), ...PACK, "--format", "json", "--transport", "process"]),
      badJson(),
    ]);
    expect(viaProcess.code).toBe(1);
    expect(inProcess.code).toBe(1);
    expect(json(inProcess.stdout).violations).toEqual(json(viaProcess.stdout).violations);
  });

  test("bin/paved.js in its own process gives the in-process driver's exit code, report and messages", async () => {
    const args = ["check", program("bad"), ...PACK, "--format", "json"];
    const spawned = await pavedProcess(args);
    const inProcess = await paved(args);
    expect(spawned.code).toBe(1);
    expect(inProcess).toEqual(spawned);
  });

  test("URNs are the engine's: no pulumi:pulumi:Stack$ type prefix from the mocks", async () => {
    const r = await badJson();
    expect(r.stdout).not.toContain("pulumi:pulumi:Stack$");
  });

  test("the text report groups by severity, names resource and type, and ends with a summary line", async () => {
    const r = await paved(["check", program("bad"), ...PACK]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("paved check: bad-program (stack dev) with fixture 1.2.3");
    const headings = lines.filter((l) => /^[A-Z]+ \(\d+\)$/.test(l));
    expect(headings).toEqual(["CRITICAL (1)", "HIGH (1)", "MEDIUM (1)"]);
    expect(r.stdout).toMatch(
      /mandatory +open-ssh +test\/fixtures\/programs\/bad\/index\.ts:19 +aws:ec2\/securityGroup:SecurityGroup +fixture-no-public-ssh +ingress 22-22/,
    );
    expect(lines[lines.length - 1]).toBe(
      "FAIL: 2 mandatory violations, 1 advisory, 0 exemptions used; 4 resources checked against 4 policies.",
    );
    // Not a TTY: no ANSI colour.
    expect(r.stdout).not.toContain("\u001b[");
  });

  test("--policy-config sets levels and policy settings", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-cfg-"));
    const cfg = path.join(dir, "config.json");
    fs.writeFileSync(
      cfg,
      JSON.stringify({
        "fixture-no-public-ssh": "advisory",
        "fixture-vpc-flow-logs": "disabled",
        "fixture-owner-tag": { enforcementLevel: "mandatory", tag: "cost-center" },
      }),
    );
    const r = await paved([
      "check",
      program("topology"),
      ...PACK,
      "--policy-config",
      cfg,
      "--format",
      "json",
    ]);
    const report = json(r.stdout);
    // The topology program's raw subnets carry no cost-center tag; mandatory now.
    expect(report.violations.filter((v) => v.policy === "fixture-owner-tag").map((v) => v.level)).toEqual([
      "mandatory",
      "mandatory",
      "mandatory",
      "mandatory",
    ]);
    expect(report.violations.some((v) => v.policy === "fixture-vpc-flow-logs")).toBe(false);
    expect(r.code).toBe(1);
  });

  test("--preview leaves computed outputs unknown and still reports what is known", async () => {
    const r = await paved(["check", program("bad"), ...PACK, "--preview", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(tuples(json(r.stdout))[0]).toEqual([
      "fixture-no-public-ssh",
      "mandatory",
      `${BAD}aws:ec2/securityGroup:SecurityGroup::open-ssh`,
    ]);
  });

  test("a clean program exits 0", async () => {
    const r = await paved(["check", program("config"), "--stack", "prod", ...PACK, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(json(r.stdout).summary).toMatchObject({ mandatory: 0, passed: true });
    expect(r.code).toBe(0);
  });

  test("the bundled pack blocks the bad program in prod (exit 1) with its own policies and URNs", async () => {
    const r = await paved(["check", program("bad"), "--stack", "prod", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.pack.name).toBe("paved");
    const prod = "urn:pulumi:prod::bad-program::";
    const mandatory = report.violations.filter((v) => v.level === "mandatory").map((v) => [v.policy, v.urn]);
    expect(mandatory).toEqual(
      expect.arrayContaining([
        ["aws-sg-no-public-admin-ingress", `${prod}aws:ec2/securityGroup:SecurityGroup::open-ssh`],
        ["aws-ebs-volume-encrypted", `${prod}aws:ebs/volume:Volume::plain-volume`],
        ["aws-vpc-flow-logs-enabled", `${prod}aws:ec2/vpc:Vpc::bad-vpc`],
      ]),
    );
  });

  test("the stack's pack config applies by default: dev makes the security set advisory", async () => {
    const r = await paved(["check", program("bad"), "--format", "json"]);
    const report = json(r.stdout);
    expect(report.violations.find((v) => v.policy === "aws-sg-no-public-admin-ingress")?.level).toBe(
      "advisory",
    );
  });

  test("an exemption turns the violation into a reported exemption", async () => {
    const r = await paved([
      "check",
      program("bad"),
      "--stack",
      "prod",
      "--exemptions",
      "test/cli/fixtures/exemptions.yaml",
      "--format",
      "json",
    ]);
    const report = json(r.stdout);
    expect(report.violations.some((v) => v.policy === "aws-ebs-volume-encrypted")).toBe(false);
    expect(report.exemptions).toEqual([
      {
        policy: "aws-ebs-volume-encrypted",
        urn: "urn:pulumi:prod::bad-program::aws:ebs/volume:Volume::plain-volume",
        message: expect.stringContaining("encrypted"),
        ticket: "SEC-42",
        owner: "team-payments",
        expires: "2099-12-31",
        reason: "scratch volume, no data at rest",
      },
    ]);
    expect(report.summary.exemptions).toBe(1);
  });
});

describe("paved check --state", () => {
  test("a stack export is checked with inputs as props; exit 1 on a mandatory violation", async () => {
    const r = await paved(["check", "--state", state("bad.json"), ...PACK, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(tuples(report)).toEqual([
      ["fixture-no-public-ssh", "mandatory", `${BAD_STATE}aws:ec2/securityGroup:SecurityGroup::open-ssh`],
      ["fixture-volume-encrypted", "advisory", `${BAD_STATE}aws:ebs/volume:Volume::plain`],
    ]);
    expect(report.target).toEqual({
      kind: "state",
      path: state("bad.json"),
      project: "payments",
      stack: "prod",
    });
  });

  test("- reads the export from stdin", async () => {
    const r = await paved(["check", "--state", "-", ...PACK, "--format", "json"], {
      input: fs.readFileSync(state("bad.json"), "utf8"),
    });
    expect(r.code).toBe(1);
    expect(json(r.stdout).summary).toMatchObject({ mandatory: 1, advisory: 1 });
  });

  test("a clean export exits 0", async () => {
    const r = await paved(["check", "--state", state("clean.json"), ...PACK]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS: 0 mandatory violations/m);
  });
});

describe("stack transforms", () => {
  test("the check sees the inputs a stack transform produced, and the untransformed one is still flagged", async () => {
    const r = await paved(["check", program("transforms"), ...PACK, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(tuples(json(r.stdout))).toEqual([
      ["fixture-owner-tag", "advisory", "urn:pulumi:dev::transforms::aws:s3/bucket:Bucket::untouched"],
    ]);
  });
});

describe("providers reach the pack", () => {
  const DT = "urn:pulumi:dev::default-tags::aws:ec2/vpc:Vpc::";
  const dir = path.relative(ROOT, path.join(__dirname, "fixtures", "programs", "default-tags"));

  test.each(["process", "in-process"])(
    "AWS defaultTags (stack config or an explicit provider) satisfy paved-required-tags (--transport %s)",
    async (transport) => {
      const r = await paved(["check", dir, "--format", "json", "--transport", transport]);
      expect(r.stderr).toBe("");
      const tagged = json(r.stdout)
        .violations.filter((v) => v.policy === "paved-required-tags")
        .map((v) => v.urn);
      // Only the resource whose provider carries no defaultTags misses them.
      expect(tagged).toEqual([`${DT}untagged`]);
    },
  );
});
