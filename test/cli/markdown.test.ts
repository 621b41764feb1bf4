/**
 * `paved check --format markdown`: the pull request summary. The renderer
 * over a saved report of examples/blocked (with one exemption) is pinned by a
 * snapshot and checked structurally; one end-to-end run checks the CLI wires
 * it (exit code, source lines, inputs).
 */
import * as fs from "fs";
import * as path from "path";
import type { Report } from "../../cli/report/model";
import { mdText, renderMarkdown } from "../../cli/report/markdown";
import { paved } from "./run-cli";

type Saved = Report & {
  inputs: string[];
  sources: Record<string, { file: string; line: number }>;
};

const saved = JSON.parse(
  fs.readFileSync(path.join(__dirname, "fixtures", "ci", "blocked-report.json"), "utf8"),
) as Saved;
const locate = (urn: string) => saved.sources[urn];

describe("renderMarkdown over the blocked example", () => {
  const md = renderMarkdown(saved, { locate });

  test("snapshot", () => {
    expect(md).toMatchSnapshot();
  });

  test("the verdict and the counts head the summary", () => {
    const lines = md.split("\n");
    expect(lines[0]).toBe("## ❌ paved check: FAIL, blocked (stack dev)");
    expect(lines[2]).toMatch(/^\*\*9 mandatory violations\*\*, 3 advisories, 1 exemption used; 5 resources/);
  });

  test("the pack version, the policy config and the exemptions file that decided it", () => {
    expect(md).toContain("| policy pack | `paved 0.1.0` |");
    expect(md).toMatch(
      /\| policy config \| `policies\/config\/prod\.json` \(`paved:policyConfig`, sha256 `0{64}`\) \|/,
    );
    expect(md).toMatch(
      /\| exemptions \| `test\/cli\/fixtures\/ci\/blocked-exemptions\.yaml` \(`--exemptions`, sha256 /,
    );
  });

  test("every finding is a row under its severity, with policy, resource, message and source line", () => {
    const rows = md.split("\n").filter((l) => /^\| (🛑|⚠️) /.test(l));
    expect(rows).toHaveLength(saved.violations.length);
    const headings = md.split("\n").filter((l) => l.startsWith("### "));
    expect(headings.slice(0, 4)).toEqual([
      "### Critical (3)",
      "### High (5)",
      "### Medium (2)",
      "### Low (2)",
    ]);
    const ssh = rows.find((r) => r.includes("`aws-sg-no-public-admin-ingress`"));
    expect(ssh).toBeDefined();
    const cells = (ssh as string).split(" | ");
    expect(cells[0]).toBe("| 🛑 mandatory");
    expect(cells[2]).toBe("`bastion`<br/>aws:ec2/securityGroup:SecurityGroup");
    expect(cells[3]).toContain("opens 22 (SSH) to 0.0.0.0/0");
    expect(cells[4]).toBe("`examples/blocked/index.ts:24` |");
    // The four mistakes of the example are all there.
    for (const policy of [
      "aws-sg-no-public-admin-ingress",
      "aws-iam-no-wildcard-action",
      "k8s-no-privileged",
    ]) {
      expect(md).toContain(`\`${policy}\``);
    }
  });

  test("the exemption used, with owner, ticket, expiry and reason (a pipe in the reason escaped)", () => {
    expect(md).toContain("### Exemptions used (1)");
    expect(md).toContain(
      "| `aws-ebs-volume-encrypted` | `data` | team-storage | SEC-77 | 2099-12-31 | scratch volume \\| rebuilt nightly, no data at rest |",
    );
  });

  test("a passing report says so, and a long one is cut with a pointer to the full reports", () => {
    const pass = renderMarkdown({
      ...saved,
      violations: [],
      exemptions: [],
      summary: { ...saved.summary, violations: 0, mandatory: 0, advisory: 0, exemptions: 0, passed: true },
    });
    expect(pass.split("\n")[0]).toBe("## ✅ paved check: PASS, blocked (stack dev)");
    expect(pass).toContain("No findings.");
    const cut = renderMarkdown(saved, { maxFindings: 2 });
    expect(cut.split("\n").filter((l) => /^\| (🛑|⚠️) /.test(l))).toHaveLength(2);
    expect(cut).toContain("_10 more finding(s) not listed here: see the SARIF or JSON report._");
  });

  test("the topology, when given, is a folded mermaid block", () => {
    const withDiagram = renderMarkdown(saved, { mermaid: "flowchart LR\n  a --> b\n" });
    expect(withDiagram).toContain(
      "<details><summary>Topology</summary>\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n</details>",
    );
  });
});

test("program text cannot inject markup: tags, pipes, emphasis, newlines, controls", () => {
  expect(mdText("<img src=x onerror=alert(1)> | *b* [l](u)\nnext\u001b[31m")).toBe(
    "&lt;img src=x onerror=alert(1)&gt; \\| \\*b\\* \\[l\\](u) next\\[31m",
  );
});

test("paved check --format markdown: the blocked example fails (exit 1) with located findings", async () => {
  const r = await paved(["check", "examples/blocked", "--format", "markdown"]);
  expect(r.code).toBe(1);
  expect(r.stdout.split("\n")[0]).toBe("## ❌ paved check: FAIL, blocked (stack dev)");
  expect(r.stdout).toMatch(
    /\| policy config \| `policies\/config\/prod\.json` \(`paved:policyConfig`, sha256 `[0-9a-f]{64}`\) \|/,
  );
  expect(r.stdout).toMatch(
    /`aws-sg-no-public-admin-ingress` \| `bastion`.*\| `examples\/blocked\/index\.ts:\d+` \|/,
  );
  expect(r.stdout).toMatch(/`aws-iam-no-wildcard-action` \| `app-everything`/);
});
