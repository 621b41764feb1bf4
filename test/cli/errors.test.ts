/**
 * Every usage and input error exits 2 with one clear line on stderr, the
 * program's own message included, and no stack trace unless --verbose.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { paved, pavedProcess, program, state } from "./run-cli";

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];

/** The stderr of a failed run: one `paved:` line, no stack frames. */
function expectOneLine(stderr: string, message: RegExp): void {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^paved: /);
  expect(lines[0]).toMatch(message);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe("exit 2 on usage and input errors", () => {
  test.each([
    ["a missing program directory", ["check", "no/such/dir"], /program directory not found: no\/such\/dir/],
    ["neither a directory nor --state", ["check"], /missing the program directory \(or --state <file\|->\)/],
    ["both a directory and --state", ["check", program("bad"), "--state", state("bad.json")], /not both/],
    [
      "an unreadable state file",
      ["check", "--state", "no-such-state.json"],
      /cannot read state file no-such-state.json: ENOENT/,
    ],
    [
      "a malformed state file",
      ["check", "--state", state("truncated-export.txt")],
      /truncated-export.txt is not valid JSON/,
    ],
    [
      "a state file of another version",
      ["check", "--state", state("version-2.json")],
      /deployment version 2; paved reads version 3/,
    ],
    [
      "a program that throws",
      ["check", program("throws")],
      /the program throws threw: database size must be set/,
    ],
    ["a stack with no config file", ["check", program("bad"), "--stack", "qa"], /no config for stack "qa"/],
    [
      "a directory that is not a pack",
      ["check", program("bad"), "--policy-pack", "test"],
      /not a policy pack: test has no PulumiPolicy.yaml/,
    ],
    [
      "an unknown policy in the config",
      ["check", program("bad"), ...PACK, "--policy-config", "test/cli/fixtures/unknown-policy.json"],
      /policy config refused: test\/cli\/fixtures\/unknown-policy.json: no-such-policy: no such policy in the pack/,
    ],
  ])("%s", async (_, args, message) => {
    const r = await paved([...args, ...(args.includes("--policy-pack") ? [] : PACK)]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, message);
    expect(r.stdout).toBe("");
  });

  test.each([
    // A pack process that dies before printing its port; loaded in-process, the pack's own error.
    ["process", /the policy pack in .*broken-pack failed: policy pack did not start: it exited with code/],
    ["in-process", /the policy pack in .*broken-pack failed: this pack is broken on purpose$/],
  ])(
    "a pack that fails to load stops a program that never finishes (%s transport)",
    async (transport, message) => {
      // Waiting for the program would end in the 30 s timeout's error, not the pack's.
      const r = await paved([
        "check",
        program("never-finishes"),
        "--policy-pack",
        "test/cli/fixtures/broken-pack",
        "--transport",
        transport as string,
        "--timeout",
        "30",
      ]);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, message as RegExp);
    },
  );

  test("a pack that fails to load is the error reported when the program throws too", async () => {
    const r = await paved(["check", program("throws"), "--policy-pack", "test/cli/fixtures/broken-pack"]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /the policy pack in .*broken-pack failed: this pack is broken on purpose$/);
  });

  test("a malformed policy config file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-cfg-"));
    fs.writeFileSync(path.join(dir, "c.json"), "{ not json");
    const r = await paved(["check", program("bad"), ...PACK, "--policy-config", path.join(dir, "c.json")]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /policy config .*c.json is not valid JSON/);
  });

  test("a PavedValidationError is shown as is: every problem, each naming the arg and the fix", async () => {
    const r = await paved(["check", program("invalid"), ...PACK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'paved: SegmentedNetwork "core": tiers[2].cidrMask 30 is too small; use 16..28\n' +
        'SegmentedNetwork "core": azCount 7 is more than the region has; use 1..3\n',
    );
  });

  test("--verbose adds the program's stack trace", async () => {
    const r = await paved(["check", program("throws"), ...PACK, "--verbose"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^paved: the program throws threw: database size must be set$/m);
    expect(r.stderr).toMatch(/Error: database size must be set\n\s+at .*throws[/\\]index\.ts:4/);
  });

  test("an unknown format is a usage error (exit 2, not commander's 1)", async () => {
    const r = await paved(["check", program("bad"), "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/argument 'xml' is invalid. Allowed choices are text, json, sarif, junit/);
  });

  test.each([
    [
      "an unknown format",
      ["--report", "xml=r.xml"],
      /argument 'xml=r.xml' is invalid. unknown format "xml"; use <format>=<file> with one of text, json, sarif, junit, markdown/,
    ],
    ["no file", ["--report", "markdown"], /argument 'markdown' is invalid. no file; use markdown=<file>/],
    [
      "a file another report writes",
      ["--output", "r.md", "--report", "sarif=r.sarif", "--report", "markdown=./r.md"],
      /^paved: --output and --report markdown=.\/r.md write the same file; give each report its own file$/m,
    ],
  ])("--report with %s is a usage error, before the program runs", async (_, extra, message) => {
    const r = await paved(["check", program("never-finishes"), ...PACK, "--timeout", "30", ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  test("an unknown command is a usage error", async () => {
    const r = await paved(["chekc"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'chekc'/);
  });

  test("--help exits 0 and lists the commands", async () => {
    const r = await paved(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["check", "diagram", "register", "drift"])
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
  });
});

describe("program output", () => {
  test("what a program prints goes to stderr; stdout holds only the report", async () => {
    // Its own process: the program's output reaches the CLI's stderr file descriptor.
    const r = await pavedProcess(["check", program("chatty"), ...PACK, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.passed).toBe(true);
    expect(r.stderr).toContain("creating the bucket\n");
    expect(r.stderr).toMatch(/bucket ready: arn:aws:s3:/);
  });

  test("an error inside an Output is reported as one line, exit 2", async () => {
    const r = await pavedProcess(["check", program("throws-async"), ...PACK, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "hello from the program\npaved: the program throws-async threw: cannot size s3 buckets yet\n",
    );
  });
});
