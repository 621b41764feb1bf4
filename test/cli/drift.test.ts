import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  compareStackConfigs,
  DriftInputError,
  findAllowEntry,
  formatDriftText,
  parseAllowList,
  parseStackConfig,
  runDrift,
  SECRET,
} from "../../cli/drift";

const ROOT = path.resolve(__dirname, "../..");

/** Runs the command with captured streams; cwd defaults to the repo root. */
async function drift(argv: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runDrift(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
  });
  return { code, out, err };
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-drift-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("parseStackConfig", () => {
  test("flattens structured values to paths; every leaf is a string, as Pulumi hands config to a program", () => {
    const flat = parseStackConfig(
      [
        "config:",
        "  aws:region: us-east-1",
        "  platform:azCount: 3",
        "  platform:alarms:",
        "    cpu: 80",
        "    nested: { deep: true }",
        "  platform:subnets: [a, b]",
        "  platform:empty: {}",
      ].join("\n"),
      "x.yaml",
    );
    expect(Object.fromEntries(flat)).toEqual({
      "aws:region": '"us-east-1"',
      "platform:azCount": '"3"',
      "platform:alarms.cpu": '"80"',
      "platform:alarms.nested.deep": '"true"',
      "platform:subnets[0]": '"a"',
      "platform:subnets[1]": '"b"',
      "platform:empty": "{}",
    });
  });

  test("keeps secrets as a placeholder, so only their presence is compared", () => {
    const flat = parseStackConfig("config:\n  app:dbPassword:\n    secure: AAABAMx1\n", "x.yaml");
    expect(flat.get("app:dbPassword")).toBe(SECRET);
  });

  test("accepts an empty config map", () => {
    expect(parseStackConfig("config: {}\n", "x.yaml").size).toBe(0);
    expect(parseStackConfig("config:\n", "x.yaml").size).toBe(0);
  });

  test("refuses a file with no config map, naming the file", () => {
    expect(() => parseStackConfig("encryptionsalt: abc\n", "Pulumi.x.yaml")).toThrow(
      /Pulumi\.x\.yaml: no top-level "config:" map/,
    );
    expect(() => parseStackConfig("config: [1, 2]\n", "y.yaml")).toThrow(/"config" is not a map/);
  });

  test("refuses text that is not YAML", () => {
    expect(() => parseStackConfig("config: [unclosed\n", "bad.yaml")).toThrow(DriftInputError);
    expect(() => parseStackConfig("config: [unclosed\n", "bad.yaml")).toThrow(/bad\.yaml: not valid YAML/);
  });
});

describe("parseAllowList", () => {
  test("reads key and reason of each entry", () => {
    expect(parseAllowList("allow:\n  - key: a:b\n    reason: because\n", "allow.yaml")).toEqual([
      { key: "a:b", reason: "because" },
    ]);
  });

  test("an empty file allows nothing", () => {
    expect(parseAllowList("", "allow.yaml")).toEqual([]);
  });

  test("refuses entries without a reason or key, listing every problem", () => {
    const text = "allow:\n  - key: a:b\n  - reason: why\n  - key: c:d\n    reason: ok\n";
    let error: unknown;
    try {
      parseAllowList(text, "allow.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DriftInputError);
    const message = (error as Error).message;
    expect(message).toContain("allow[0].reason is required; say why the environments differ (a:b)");
    expect(message).toContain("allow[1].key is required; name the config key");
  });

  test("refuses a file without an allow list", () => {
    expect(() => parseAllowList("keys: []\n", "allow.yaml")).toThrow(/expected a top-level "allow:" list/);
  });
});

describe("findAllowEntry", () => {
  const allow = [
    { key: "platform:alarms.*", reason: "thresholds" },
    { key: "paved:environment", reason: "env" },
  ];

  test("matches exact keys and globs", () => {
    expect(findAllowEntry("paved:environment", allow)?.reason).toBe("env");
    expect(findAllowEntry("platform:alarms.cpu", allow)?.reason).toBe("thresholds");
    expect(findAllowEntry("platform:alarms.nested.deep", allow)?.reason).toBe("thresholds");
  });

  test("a glob does not match a key that only shares a prefix, and dots are literal", () => {
    expect(findAllowEntry("platform:alarmsX", allow)).toBeUndefined();
    expect(findAllowEntry("paved:environmentX", allow)).toBeUndefined();
    expect(
      findAllowEntry("platform:alarmsXcpu", [{ key: "platform:alarms.cpu", reason: "r" }]),
    ).toBeUndefined();
  });
});

describe("compareStackConfigs", () => {
  const a = new Map([
    ["k:same", "1"],
    ["k:changed", '"x"'],
    ["k:onlyA", "true"],
    ["k:allowed", "1"],
  ]);
  const b = new Map([
    ["k:same", "1"],
    ["k:changed", '"y"'],
    ["k:onlyB", "false"],
    ["k:allowed", "2"],
  ]);

  test("reports changed, missing and added keys that are not allowed, in key order", () => {
    const report = compareStackConfigs(a, b, [{ key: "k:allowed", reason: "sized per env" }], {
      a: "staging",
      b: "prod",
    });
    expect(report.unexpected).toEqual([
      { key: "k:changed", kind: "changed", a: '"x"', b: '"y"' },
      { key: "k:onlyA", kind: "onlyInA", a: "true", b: undefined },
      { key: "k:onlyB", kind: "onlyInB", a: undefined, b: "false" },
    ]);
    expect(report.allowed.map((e) => [e.key, e.allowedBy?.reason])).toEqual([["k:allowed", "sized per env"]]);
  });

  test("an allow entry also covers a key present on one side only", () => {
    const report = compareStackConfigs(a, b, [{ key: "k:only*", reason: "one-sided" }]);
    expect(report.allowed.map((e) => e.key)).toEqual(["k:onlyA", "k:onlyB"]);
    expect(report.unexpected.map((e) => e.key)).toEqual(["k:allowed", "k:changed"]);
  });

  test("lists allow entries that matched nothing", () => {
    const report = compareStackConfigs(a, a, [{ key: "k:changed", reason: "r" }]);
    expect(report.unexpected).toEqual([]);
    expect(report.unusedAllowEntries).toEqual([{ key: "k:changed", reason: "r" }]);
  });

  test("secrets present on both sides are not drift; one missing is", () => {
    const withSecret = new Map([["app:token", SECRET]]);
    expect(compareStackConfigs(withSecret, new Map(withSecret), []).unexpected).toEqual([]);
    expect(compareStackConfigs(withSecret, new Map(), []).unexpected).toEqual([
      { key: "app:token", kind: "onlyInA", a: SECRET, b: undefined },
    ]);
  });

  test("the text report names each drifting key with both values and the summary", () => {
    const text = formatDriftText(
      compareStackConfigs(a, b, [{ key: "k:allowed", reason: "sized per env" }], {
        a: "s.yaml",
        b: "p.yaml",
      }),
    );
    expect(text).toContain('✗ k:changed: "x" (s.yaml) ≠ "y" (p.yaml)');
    expect(text).toContain("✗ k:onlyA: only in s.yaml (true)");
    expect(text).toContain("✗ k:onlyB: only in p.yaml (false)");
    expect(text).toContain("✓ k:allowed: 1 (s.yaml) ≠ 2 (p.yaml) - sized per env");
    expect(text.trimEnd().split("\n").pop()).toBe("s.yaml vs p.yaml: 3 unexpected, 1 intended difference(s)");
  });
});

describe("runDrift on the platform's own stacks", () => {
  test("staging and prod differ only as the allow-list says", async () => {
    const r = await drift(["stacks/Pulumi.staging.yaml", "stacks/Pulumi.prod.yaml"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("0 unexpected");
    expect(r.out).toContain("platform:natStrategy");
  });

  test("dev and prod differ only as the allow-list says", async () => {
    const r = await drift(["stacks/Pulumi.dev.yaml", "stacks/Pulumi.prod.yaml"]);
    expect(r.code).toBe(0);
  });

  test("every allow-list entry has a reason and is used by some pair of stacks", () => {
    const allow = parseAllowList(
      fs.readFileSync(path.join(ROOT, "stacks/drift-allow.yaml"), "utf8"),
      "drift-allow.yaml",
    );
    const envs = ["dev", "staging", "prod"].map((e) =>
      parseStackConfig(fs.readFileSync(path.join(ROOT, `stacks/Pulumi.${e}.yaml`), "utf8"), e),
    );
    const used = new Set<string>();
    for (const [i, j] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ]) {
      const report = compareStackConfigs(envs[i], envs[j], allow);
      expect(report.unexpected).toEqual([]);
      report.allowed.forEach((e) => used.add(e.allowedBy!.key));
    }
    expect([...used].sort()).toEqual(allow.map((e) => e.key).sort());
  });
});

describe("runDrift exit codes", () => {
  const staging = "config:\n  aws:region: us-east-1\n  app:size: 2\n";
  const prod = "config:\n  aws:region: us-east-1\n  app:size: 4\n  app:debug: true\n";

  test("exits 1 on unexpected drift and names the keys", async () => {
    const dir = tempDir({ "s.yaml": staging, "p.yaml": prod });
    const r = await drift(["s.yaml", "p.yaml"], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ app:size: "2" (s.yaml) ≠ "4" (p.yaml)');
    expect(r.out).toContain('✗ app:debug: only in p.yaml ("true")');
  });

  test("reads drift-allow.yaml beside the first file by default", async () => {
    const dir = tempDir({
      "s.yaml": staging,
      "p.yaml": prod,
      "drift-allow.yaml": "allow:\n  - key: app:*\n    reason: sized per env\n",
    });
    const r = await drift(["s.yaml", "p.yaml"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2 intended difference(s)");
  });

  test("--allow names another allow-list, and --format json gives the report as data", async () => {
    const dir = tempDir({
      "s.yaml": staging,
      "p.yaml": prod,
      "other.yaml": "allow:\n  - key: app:size\n    reason: sized per env\n",
    });
    const r = await drift(["s.yaml", "p.yaml", "--allow", "other.yaml", "--format=json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.unexpected.map((e: { key: string }) => e.key)).toEqual(["app:debug"]);
    expect(report.allowed.map((e: { key: string }) => e.key)).toEqual(["app:size"]);
  });

  test("exits 2 with one clear line for a missing file", async () => {
    const dir = tempDir({ "s.yaml": staging });
    const r = await drift(["s.yaml", "missing.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe("paved drift: missing.yaml: cannot read (ENOENT)\n");
  });

  test("exits 2 with usage for a wrong argument count, an unknown option or format", async () => {
    for (const argv of [
      ["only-one.yaml"],
      ["a", "b", "--colour"],
      ["a", "b", "--format", "xml"],
      ["a", "b", "--allow"],
    ]) {
      const r = await drift(argv, os.tmpdir());
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^paved drift: /);
      expect(r.err).toContain("Usage: paved drift");
    }
  });

  test("exits 2 for an allow-list entry without a reason", async () => {
    const dir = tempDir({
      "s.yaml": staging,
      "p.yaml": prod,
      "drift-allow.yaml": "allow:\n  - key: app:size\n",
    });
    const r = await drift(["s.yaml", "p.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("allow[0].reason is required");
  });

  test("--help prints usage and exits 0", async () => {
    const r = await drift(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: paved drift");
  });
});

describe("paved drift through the CLI (bin/paved.js)", () => {
  const cli = (args: string[], cwd = ROOT) =>
    spawnSync(process.execPath, [path.join(ROOT, "bin", "paved.js"), "drift", ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, PAVED_FROM_SOURCE: "1" },
    });

  test("exits 0 for the platform's staging and prod stacks, with the report on stdout", () => {
    const r = cli(["stacks/Pulumi.staging.yaml", "stacks/Pulumi.prod.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("0 unexpected");
  });

  test("exits 1 on unexpected drift and 2 on a usage error", () => {
    const dir = tempDir({ "a.yaml": "config:\n  app:size: 1\n", "b.yaml": "config:\n  app:size: 2\n" });
    expect(cli(["a.yaml", "b.yaml"], dir).status).toBe(1);
    const usage = cli(["a.yaml"], dir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("expected two stack files");
  });
});
