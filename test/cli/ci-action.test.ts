/**
 * Paved in the pipeline: action.yml is valid action metadata (a JSON Schema of
 * the fields GitHub documents, test/cli/schema/github-action.schema.json), its
 * steps run locally through the same scripts (scripts/ci/*, no network: a
 * fake $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT), the GitLab template calls the
 * same scripts, and the SARIF to Code Quality conversion keeps every finding.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import { parse } from "yaml";
import { ROOT } from "./run-cli";

const SCRIPTS = path.join(ROOT, "scripts", "ci");
const CI = path.relative(ROOT, path.join(__dirname, "fixtures", "ci"));
const PAVED_BIN = `${process.execPath} ${path.join(ROOT, "bin", "paved.js")}`;

function readYaml(file: string): Record<string, unknown> {
  return parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as Record<string, unknown>;
}

describe("action.yml", () => {
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "schema", "github-action.schema.json"), "utf8"),
  ) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const action = readYaml("action.yml") as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { steps: { id?: string; run?: string; uses?: string; env?: Record<string, string> }[] };
  };

  test("is valid composite action metadata", () => {
    expect(validate(action)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  test("the schema can fail: a step with run and no shell, an unknown key, a non-string default", () => {
    const broken = structuredClone(action) as unknown as {
      runs: { steps: Record<string, unknown>[] };
      inputs: Record<string, Record<string, unknown>>;
      [k: string]: unknown;
    };
    delete broken.runs.steps[1].shell;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...action, runs: { using: "node20", main: "x.js" } })).toBe(false);
    expect(validate({ ...action, inputs: { x: { description: "d", default: true } } })).toBe(false);
    expect(validate({ ...action, colour: "green" })).toBe(false);
  });

  test("its run steps call scripts that exist and are executable; outputs read the check step", () => {
    const runs = action.runs.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) {
      const m = /\$GITHUB_ACTION_PATH\/(scripts\/ci\/[\w.-]+)/.exec(run);
      expect(m).not.toBeNull();
      const file = path.join(ROOT, (m as RegExpExecArray)[1]);
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    }
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    for (const o of Object.values(action.outputs)) {
      const step = /steps\.([\w-]+)\.outputs/.exec(o.value)?.[1];
      expect(ids.has(step)).toBe(true);
    }
    expect(
      action.runs.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@")),
    ).toBeDefined();
    // The pin reaches check.sh; the verdict is deferred so the SARIF upload runs first.
    const check = action.runs.steps.find((s) => s.id === "check");
    expect(check?.env?.PAVED_INPUT_POLICY_CONFIG).toBe("${{ inputs.policy-config }}");
    expect(check?.env?.PAVED_DEFER_EXIT).toBe("true");
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  dir: string;
}

/** Runs a script of scripts/ci as a runner would: a fresh summary and output file, our own paved. */
function runScript(script: string, env: Record<string, string>): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-ci-"));
  const summary = path.join(dir, "summary.md");
  const output = path.join(dir, "output");
  fs.writeFileSync(summary, "");
  fs.writeFileSync(output, "");
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [path.join(SCRIPTS, script)], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? os.tmpdir(),
        NO_COLOR: "1",
        PAVED_BIN,
        PAVED_OUT_DIR: path.join(dir, "out"),
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const outputs = Object.fromEntries(
        fs
          .readFileSync(output, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
      );
      resolve({ code, stdout, stderr, summary: fs.readFileSync(summary, "utf8"), outputs, dir });
    });
  });
}

/**
 * A paved for PAVED_BIN that appends each command line it is given to `log`, then runs ours;
 * `withoutReport` answers `check --help` without `--report`, as paved 0.1.0 did.
 */
function loggingBin(withoutReport = false): { bin: string; log: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-ci-bin-"));
  const log = path.join(dir, "calls.log");
  const script = path.join(dir, "paved.sh");
  fs.writeFileSync(
    script,
    [
      `echo "$*" >> ${JSON.stringify(log)}`,
      withoutReport
        ? 'if [ "$1 $2" = "check --help" ]; then echo "Usage: paved check [options] [program-dir]"; exit 0; fi'
        : "",
      `exec ${PAVED_BIN} "$@"`,
    ].join("\n"),
  );
  return { bin: `bash ${script}`, log, dir };
}

/** The `paved check` runs a logging bin saw (not `check --help`). */
function checkRuns(log: string): string[] {
  return fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("check ") && !l.includes("--help"));
}

describe("scripts/ci, run locally", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test("check.sh on the blocked example: exit 1, the FAIL summary, SARIF written, from one run", async () => {
    const logged = loggingBin();
    dirs.push(logged.dir);
    const r = await runScript("check.sh", {
      PAVED_PROGRAM: "examples/blocked",
      PAVED_STACK: "dev",
      PAVED_BIN: logged.bin,
    });
    dirs.push(r.dir);
    // The SARIF file and the summary come from the same run, so they hold the same findings.
    const runs = checkRuns(logged.log);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/--format sarif --output \S+\/paved\.sarif --report markdown=\S+\/paved\.md/);
    expect(r.code).toBe(1);
    expect(r.summary.split("\n")[0]).toBe("## ❌ paved check: FAIL, blocked (stack dev)");
    expect(r.summary).toContain("`aws-sg-no-public-admin-ingress`");
    expect(r.summary).not.toContain("Firewall-rule changes"); // no base, no diff
    expect(r.outputs).toMatchObject({
      "exit-code": "1",
      "check-exit-code": "1",
      "diff-exit-code": "0",
      "diff-file": "",
    });
    const sarif = JSON.parse(fs.readFileSync(r.outputs["sarif-file"], "utf8")) as {
      version: string;
      runs: unknown[];
    };
    expect(sarif.version).toBe("2.1.0");

    // The SARIF file as GitLab's Code Quality report: one issue per unsuppressed result.
    const { convert } = require(path.join(SCRIPTS, "sarif-to-codequality.js")) as {
      convert(log: unknown): {
        description: string;
        check_name: string;
        fingerprint: string;
        severity: string;
        location: { path: string; lines: { begin: number } };
      }[];
    };
    const issues = convert(sarif);
    const results = (sarif.runs[0] as { results: { suppressions?: unknown[] }[] }).results;
    expect(issues).toHaveLength(results.filter((x) => !(x.suppressions ?? []).length).length);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    for (const i of issues) {
      expect(["info", "minor", "major", "critical", "blocker"]).toContain(i.severity);
      expect(i.location.path).toBe("examples/blocked/index.ts");
      expect(i.location.lines.begin).toBeGreaterThan(1);
    }
    expect(issues.find((i) => i.check_name === "aws-sg-no-public-admin-ingress")?.severity).toBe("blocker");
  });

  test("deferred (as the action runs it): exit 0 with the verdict in GITHUB_OUTPUT; verdict.sh fails the job", async () => {
    const r = await runScript("check.sh", {
      PAVED_PROGRAM: "examples/blocked",
      PAVED_DEFER_EXIT: "true",
      PAVED_INPUT_POLICY_CONFIG: "policies/config/dev.json",
    });
    dirs.push(r.dir);
    expect(r.code).toBe(0);
    // The pinned config decided it (dev: advisory only), and the summary names it.
    expect(r.summary).toMatch(
      /\| policy config \| `policies\/config\/dev\.json` \(`PAVED_POLICY_CONFIG`, sha256 `[0-9a-f]{64}`\) \|/,
    );
    expect(r.outputs["exit-code"]).toBe("0");
    const blocked = await runScript("check.sh", {
      PAVED_PROGRAM: "examples/blocked",
      PAVED_DEFER_EXIT: "true",
    });
    dirs.push(blocked.dir);
    expect(blocked.code).toBe(0);
    expect(blocked.outputs["exit-code"]).toBe("1");
    const verdict = await runScript("verdict.sh", { PAVED_EXIT_CODE: blocked.outputs["exit-code"] });
    dirs.push(verdict.dir);
    expect(verdict.code).toBe(1);
    expect(verdict.stdout).toContain("::error title=paved::mandatory policy violations");
    const pass = await runScript("verdict.sh", { PAVED_EXIT_CODE: "0" });
    dirs.push(pass.dir);
    expect(pass.code).toBe(0);
    const none = await runScript("verdict.sh", {});
    dirs.push(none.dir);
    expect(none.code).toBe(2);
  });

  test("check.sh with a base: the check and the rule diff both land in the summary", async () => {
    const r = await runScript("check.sh", {
      PAVED_PROGRAM: `${CI}/head`,
      PAVED_DIFF_BASE: `${CI}/base`,
      PAVED_REQUIRE_TICKET: "true",
    });
    dirs.push(r.dir);
    expect(r.stderr).toContain("paved: check exit 0, rule diff exit 0");
    expect(r.code).toBe(0);
    expect(r.summary.split("\n")[0]).toBe("## ✅ paved check: PASS, rule-diff (stack dev)");
    const at = r.summary.indexOf("## Firewall-rule changes");
    expect(at).toBeGreaterThan(0);
    expect(r.summary.slice(at)).toContain("24 changes: 8 added, 8 widened, 4 relabelled, 4 removed");
    expect(r.summary.slice(at)).toContain("```mermaid");
    expect(fs.readFileSync(r.outputs["diff-file"], "utf8")).toBe(r.summary.slice(at, -1));
  });

  test("check.sh with --require-ticket: a new rule without a ticket fails the job", async () => {
    const base = path.join(os.tmpdir(), `paved-empty-register-${process.pid}.json`);
    fs.writeFileSync(base, JSON.stringify({ registers: [] }));
    try {
      const r = await runScript("check.sh", {
        PAVED_PROGRAM: `${CI}/no-ticket`,
        PAVED_DIFF_BASE: base,
        PAVED_REQUIRE_TICKET: "true",
      });
      dirs.push(r.dir);
      expect(r.outputs["diff-exit-code"]).toBe("1");
      expect(r.code).toBe(1);
      expect(r.summary).toContain("> [!CAUTION]\n> 1 new or widened rule without a ticket");
    } finally {
      fs.rmSync(base, { force: true });
    }
  });

  test("check.sh with a paved that has no --report (0.1.0): the SARIF run, then the Markdown one", async () => {
    const logged = loggingBin(true);
    dirs.push(logged.dir);
    const r = await runScript("check.sh", { PAVED_PROGRAM: "examples/blocked", PAVED_BIN: logged.bin });
    dirs.push(r.dir);
    const runs = checkRuns(logged.log);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatch(/--format sarif --output \S+\/paved\.sarif$/);
    expect(runs[1]).toMatch(/--format markdown --output \S+\/paved\.md$/);
    expect(r.code).toBe(1);
    expect(r.summary.split("\n")[0]).toBe("## ❌ paved check: FAIL, blocked (stack dev)");
    expect(JSON.parse(fs.readFileSync(r.outputs["sarif-file"], "utf8")).version).toBe("2.1.0");
  });

  test("install.sh without a version picks this checkout's paved (no network)", async () => {
    const r = await runScript("install.sh", {});
    dirs.push(r.dir);
    expect(r.code).toBe(0);
    expect(r.outputs.bin).toBe(`node ${ROOT}/bin/paved.js`);
    expect(r.stderr).toMatch(/paved: using .* \(\d+\.\d+\.\d+/);
  });
});

test("the GitLab template runs the same scripts and reports Code Quality", () => {
  const doc = readYaml("ci/gitlab/paved.gitlab-ci.yml") as {
    variables: Record<string, string>;
    paved: {
      script: string[];
      artifacts: { when: string; reports: { codequality: string }; paths: string[] };
    };
  };
  const script = doc.paved.script.join("\n");
  expect(script).toContain('"$PAVED_SCRIPTS/check.sh"');
  expect(script).toContain('"$PAVED_SCRIPTS/sarif-to-codequality.js"');
  expect(script).toContain("CI_MERGE_REQUEST_DIFF_BASE_SHA");
  expect(doc.paved.artifacts.reports.codequality).toBe("gl-code-quality-report.json");
  expect(doc.paved.artifacts.when).toBe("always");
  expect(doc.paved.artifacts.paths).toContain(`${doc.variables.PAVED_OUT_DIR}/`);
});
