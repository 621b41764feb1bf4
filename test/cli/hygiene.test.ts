/** Output hygiene: program output never reaches a machine format's stdout; names cannot drive the terminal; CSV cells cannot run. */
import * as path from "path";
import { csvCell, renderRegisterCsv } from "../../components/core/register";
import { buildReport } from "../../cli/report/model";
import { escapeControl, renderText } from "../../cli/report/text";
import { paved } from "./run-cli";

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];
const NOISY = path.join("test", "cli", "fixtures", "programs", "noisy");
const EVIL = "noisy\u001b[2J\u001b[31mPASS\r";

describe("a program that writes to stdout every way it can", () => {
  test.each([
    ["json", (s: string) => JSON.parse(s)],
    ["sarif", (s: string) => JSON.parse(s)],
    ["junit", (s: string) => expect(s).toMatch(/^<\?xml [^\n]*\?>\n<testsuites[\s\S]*<\/testsuites>\n$/)],
  ])("--format %s: stdout holds only the report", async (format, parse) => {
    const r = await paved(["check", NOISY, ...PACK, "--format", format]);
    expect([0, 1]).toContain(r.code);
    expect(() => parse(r.stdout)).not.toThrow();
    for (const word of [
      "log",
      "info",
      "warn",
      "dir",
      "table",
      "trace",
      "process.stdout.write",
      "late write",
      "timer",
    ]) {
      expect(r.stdout).not.toMatch(new RegExp(`^\\S*${word}`, "m"));
    }
    // JSON keeps the name as data (escaped by JSON itself).
    if (format === "json") expect(JSON.parse(r.stdout).violations[0].resourceName).toBe(EVIL);
  });

  test("--format text: the name's escape sequences are shown, not run", async () => {
    const r = await paved(["check", NOISY, ...PACK]);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).not.toContain("\r");
    expect(r.stdout).toContain("noisy\\x1b[2J\\x1b[31mPASS\\x0d");
  });
});

describe("the text report escapes control characters", () => {
  test("C0, DEL, C1 and bidi overrides become visible escapes; ordinary text is untouched", () => {
    expect(escapeControl("a\u0007b\u007fc\u009bd\u202ee\tf")).toBe("a\\x07b\\x7fc\\x9bd\\u202ee\\x09f");
    expect(escapeControl("bucket-ünïcode ✓")).toBe("bucket-ünïcode ✓");
  });

  test("in names, types, policies, messages, exemptions and the header", () => {
    const urn = `urn:pulumi:dev::p::aws:s3/bucket:Bucket::${EVIL}`;
    const report = buildReport({
      version: "1",
      target: { kind: "state", path: "st\u001bate.json" },
      pack: { name: "pack", version: "1" },
      policies: [{ name: "p", description: "d", enforcementLevel: "mandatory", severity: "high" }],
      resources: [
        { urn, type: "aws:s3/bucket:Bucket", name: EVIL, custom: true, dependencies: [], properties: {} },
      ],
      findings: [
        {
          policyName: "p",
          policyPackName: "pack",
          message: "bad \u001b]0;title\u0007 thing\nsecond line",
          enforcementLevel: "mandatory",
          severity: "high",
          resourceUrn: urn,
          blamed: true,
        },
        {
          policyName: "p",
          policyPackName: "pack",
          message: "waived\n(exempted by T-1\u001b, owner o, until 2099-01-01: r\u0008)",
          enforcementLevel: "advisory",
          severity: "high",
          resourceUrn: urn,
          blamed: true,
        },
      ],
    });
    const text = renderText(report);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain("noisy\\x1b[2J\\x1b[31mPASS\\x0d");
    expect(text).toContain("bad \\x1b]0;title\\x07 thing second line");
    expect(text).toContain("T-1\\x1b");
    expect(text).toContain("st\\x1bate.json");
  });
});

describe("CSV cells a spreadsheet would run are neutralised", () => {
  test.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tleading tab", "'\tleading tab"],
    ["\rleading CR", '"\'\rleading CR"'],
    ["-1", "-1"],
    ["+5", "+5"],
    ["443", "443"],
    ["plain, with comma", '"plain, with comma"'],
  ])("%j", (input, cell) => {
    expect(csvCell(input)).toBe(cell);
  });

  test("in the register", () => {
    const csv = renderRegisterCsv([
      {
        title: "core",
        rules: [
          {
            direction: "ingress",
            tier: "app",
            peer: "web",
            protocol: "tcp",
            ports: "443",
            justification: "=1+1",
            ticket: "@T-1",
          } as never,
        ],
      },
    ]);
    expect(csv).toContain("'=1+1");
    expect(csv).toContain("'@T-1");
  });
});
