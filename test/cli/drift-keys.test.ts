/** `paved drift` reads keys as the Pulumi CLI does: namespaces, nesting, string values, secrets; linear in size. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareStackConfigs, parseStackConfig, runDrift, SECRET } from "../../cli/drift";

async function drift(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-drift-keys-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const same = (a: string, b: string, project?: string) =>
  compareStackConfigs(parseStackConfig(a, "a", { project }), parseStackConfig(b, "b", { project }), []);

describe("drift compares config as Pulumi sees it", () => {
  test('"1" and 1 are one value (config values are strings), at the top and nested', () => {
    expect(same("config:\n  app:n: 1\n", 'config:\n  app:n: "1"\n').unexpected).toEqual([]);
    expect(same("config:\n  app:on: true\n", 'config:\n  app:on: "true"\n').unexpected).toEqual([]);
    expect(same("config:\n  app:o:\n    n: 1\n", 'config:\n  app:o:\n    n: "1"\n').unexpected).toEqual([]);
    expect(same("config:\n  app:n: 1\n", "config:\n  app:n: 2\n").unexpected.map((e) => e.key)).toEqual([
      "app:n",
    ]);
  });

  test("a dotted key and the nested key it spells are one key", () => {
    const r = same("config:\n  app:alarms.cpu: 80\n", "config:\n  app:alarms:\n    cpu: 90\n");
    expect(r.unexpected).toEqual([{ key: "app:alarms.cpu", kind: "changed", a: '"80"', b: '"90"' }]);
  });

  test("a bare key is the project's: size and proj:size are one key", () => {
    expect(same("config:\n  size: 2\n", "config:\n  shop:size: 2\n", "shop").unexpected).toEqual([]);
    expect(same("config:\n  size: 2\n", "config:\n  other:size: 2\n", "shop").unexpected).toHaveLength(2);
  });

  test("a key written twice in one file (bare and namespaced) is an input error", () => {
    expect(() =>
      parseStackConfig("config:\n  size: 1\n  shop:size: 2\n", "a.yaml", { project: "shop" }),
    ).toThrow(/a\.yaml: config key shop:size is set twice/);
  });

  test("secure values are compared by presence, not ciphertext, nested too", () => {
    const a = "config:\n  app:pw:\n    secure: AAAA\n  app:o:\n    token:\n      secure: BBBB\n";
    const b = "config:\n  app:pw:\n    secure: CCCC\n  app:o:\n    token:\n      secure: DDDD\n";
    expect(same(a, b).unexpected).toEqual([]);
    const plain = same(a, "config:\n  app:pw: hunter2\n  app:o:\n    token:\n      secure: D\n");
    expect(plain.unexpected).toEqual([{ key: "app:pw", kind: "changed", a: SECRET, b: '"hunter2"' }]);
  });

  test("the CLI finds the project in the Pulumi.yaml above the stack files, or takes --project", async () => {
    const dir = tempDir({
      "Pulumi.yaml": "name: shop\nruntime: nodejs\n",
      "stacks/Pulumi.a.yaml": "config:\n  size: 2\n  aws:region: eu-west-1\n",
      "stacks/Pulumi.b.yaml": 'config:\n  shop:size: "2"\n  aws:region: eu-west-1\n',
    });
    const r = await drift(["stacks/Pulumi.a.yaml", "stacks/Pulumi.b.yaml"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const other = tempDir({ "a.yaml": "config:\n  size: 2\n", "b.yaml": "config:\n  web:size: 3\n" });
    const r2 = await drift(["a.yaml", "b.yaml", "--project", "web"], other);
    expect(r2.code).toBe(1);
    expect(r2.out).toContain('✗ web:size: "2" (a.yaml) ≠ "3" (b.yaml)');
  });

  test("a duplicate map key is still refused (exit 2)", async () => {
    const dir = tempDir({ "a.yaml": "config:\n  app:x: 1\n  app:x: 2\n", "b.yaml": "config: {}\n" });
    const r = await drift(["a.yaml", "b.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("app:x appears twice");
  });

  test("50,000 keys: the result is right (the parse is linear: no pairwise duplicate-key scan)", () => {
    const n = 50_000;
    const lines = (mark: (i: number) => string) =>
      "config:\n" + Array.from({ length: n }, (_, i) => `  app:key${i}: "v${mark(i)}${i}"\n`).join("");
    const a = parseStackConfig(
      lines(() => ""),
      "a",
    );
    const b = parseStackConfig(
      lines((i) => (i % 1000 === 0 ? "x" : "")),
      "b",
    );
    expect(a.size).toBe(n);
    const r = compareStackConfigs(a, b, [{ key: "app:key1000", reason: "r" }]);
    expect(r.unexpected).toHaveLength(49);
    expect(r.allowed.map((e) => e.key)).toEqual(["app:key1000"]);
  });
});
