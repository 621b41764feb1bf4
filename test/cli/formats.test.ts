/**
 * The machine formats, end to end: SARIF validated against the official SARIF
 * 2.1.0 schema (vendored in test/cli/schema with its attribution), and the
 * JUnit shape (one testcase per policy x resource).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import type * as sarif from "sarif";
import { paved, program, state } from "./run-cli";

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];

function sarifValidator() {
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "schema", "sarif-schema-2.1.0.json"), "utf8"),
  );
  // Draft-04 document; no keyword in it changed meaning in draft-07 (see schema/README.md).
  delete schema.$schema;
  delete schema.id;
  // unicodeRegExp off: the published schema's `language` pattern has a stray `]` that is
  // legal in a plain RegExp but not under the `u` flag (a known erratum of the file).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("--format sarif", () => {
  const validate = sarifValidator();

  test("the schema itself rejects an invalid log (the validator can fail)", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: {} }] })).toBe(false);
  });

  test("a program's report is valid SARIF 2.1.0 with one result per violation", async () => {
    const r = await paved(["check", program("bad"), ...PACK, "--format", "sarif"]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as sarif.Log;
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("paved");
    expect(run.tool.driver.rules?.map((x) => x.id)).toEqual([
      "fixture-no-public-ssh",
      "fixture-volume-encrypted",
      "fixture-owner-tag",
      "fixture-vpc-flow-logs",
    ]);
    const results = run.results ?? [];
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ["fixture-no-public-ssh", "error"],
      ["fixture-vpc-flow-logs", "error"],
      ["fixture-volume-encrypted", "warning"],
    ]);
    const first = results[0];
    expect(run.tool.driver.rules?.[first.ruleIndex ?? -1]?.id).toBe(first.ruleId);
    expect(first.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe(`${program("bad")}/index.ts`);
    // The line that constructed the offending resource (index.ts:19, the open SSH group).
    expect(first.locations?.[0].physicalLocation?.region?.startLine).toBe(19);
    expect(first.locations?.[0].logicalLocations?.[0].fullyQualifiedName).toBe(
      "urn:pulumi:dev::bad-program::aws:ec2/securityGroup:SecurityGroup::open-ssh",
    );
    expect(run.tool.driver.rules?.[0].properties?.["security-severity"]).toBe("9.5");
  });

  test("a state report is valid SARIF and points at the state file", async () => {
    const r = await paved(["check", "--state", state("bad.json"), ...PACK, "--format", "sarif"]);
    const log = JSON.parse(r.stdout) as sarif.Log;
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri).toBe(
      state("bad.json"),
    );
  });
});

test("an exempted finding is a suppressed SARIF result carrying the exemption", async () => {
  const r = await paved([
    "check",
    program("bad"),
    "--stack",
    "prod",
    "--exemptions",
    "test/cli/fixtures/exemptions.yaml",
    "--format",
    "sarif",
  ]);
  const log = JSON.parse(r.stdout) as sarif.Log;
  expect(sarifValidator()(log)).toBe(true);
  const waived = (log.runs[0].results ?? []).filter((x) => x.suppressions?.length);
  expect(waived.map((x) => [x.ruleId, x.level, x.suppressions?.[0].justification])).toEqual([
    [
      "aws-ebs-volume-encrypted",
      "note",
      "SEC-42 (owner team-payments, until 2099-12-31): scratch volume, no data at rest",
    ],
  ]);
});

describe("--format junit", () => {
  test("one testsuite per policy, one testcase per policy x resource; mandatory violations fail", async () => {
    const r = await paved(["check", program("bad"), ...PACK, "--format", "junit"]);
    expect(r.code).toBe(1);
    const xml = r.stdout;
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="paved check" tests="16" failures="2" errors="0">',
      ),
    ).toBe(true);
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(suites).toEqual([
      ["fixture-no-public-ssh", "4", "1"],
      ["fixture-volume-encrypted", "4", "0"],
      ["fixture-owner-tag", "4", "0"],
      ["fixture-vpc-flow-logs", "4", "1"],
    ]);
    expect(xml.match(/<testcase /g)).toHaveLength(16);
    expect(xml).toContain(
      '<testcase name="open-ssh (aws:ec2/securityGroup:SecurityGroup)" classname="fixture-no-public-ssh" file="test/fixtures/programs/bad/index.ts" line="19">\n' +
        '      <failure message="ingress 22-22 is open to 0.0.0.0/0" type="mandatory">',
    );
    expect(xml).toContain("<system-out>advisory: the volume is not encrypted</system-out>");
    expect(xml.trimEnd().endsWith("</testsuites>")).toBe(true);
  });
});

describe("--output", () => {
  test("writes the report to a file and nothing to stdout", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "paved-out-")), "r.json");
    const r = await paved([
      "check",
      "--state",
      state("clean.json"),
      ...PACK,
      "--format",
      "json",
      "--output",
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(fs.readFileSync(out, "utf8")).summary.passed).toBe(true);
  });
});

describe("--report <format>=<file>", () => {
  test("one run writes each further format to its file, exactly what --format prints", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-reports-"));
    const others = ["sarif", "junit", "markdown", "text"] as const;
    const args = ["check", "--state", state("bad.json"), ...PACK];
    const r = await paved([
      ...args,
      "--format",
      "json",
      ...others.flatMap((f) => ["--report", `${f}=${dir}/r.${f}`]),
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).summary.passed).toBe(false);
    for (const format of others) {
      const alone = await paved([...args, "--format", format]);
      expect(alone.code).toBe(1);
      expect(fs.readFileSync(path.join(dir, `r.${format}`), "utf8")).toBe(alone.stdout);
    }
  });

  test("where colour is forced, the text on stdout has it and the text report in a file does not", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "paved-reports-")), "r.txt");
    const r = await paved(["check", "--state", state("bad.json"), ...PACK, "--report", `text=${file}`], {
      env: { NO_COLOR: "", FORCE_COLOR: "1" },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("\u001b[");
    const text = fs.readFileSync(file, "utf8");
    expect(text).not.toContain("\u001b[");
    expect(text).toContain("CRITICAL");
  });
});
