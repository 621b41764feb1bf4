/**
 * The release bookkeeping: one version for the library and the policy pack,
 * well-formed changesets, and a changelog flow (`changeset version`) that
 * works offline. docs/release.md describes the flow these tests hold up.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseYaml } from "yaml";

const ROOT = path.resolve(__dirname, "../..");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
const pkg = readJson("package.json") as { name: string; version: string };

function changesetFiles(dir = path.join(ROOT, ".changeset")): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort();
}

test("the policy pack's version is the library's version", () => {
  expect(readJson("policies/package.json").version).toBe(pkg.version);
});

test("every example depends on a paved range that includes this version", () => {
  const [major, minor] = pkg.version.split(".");
  const examples = fs
    .readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  expect(examples.length).toBeGreaterThanOrEqual(4);
  for (const example of examples) {
    const manifest = readJson(`examples/${example}/package.json`) as { dependencies: Record<string, string> };
    // Pre-1.0 a caret range pins the minor; from 1.0 it pins the major.
    const expected = major === "0" ? `^0.${minor}.` : `^${major}.`;
    expect(`${example}: ${manifest.dependencies.paved}`).toMatch(new RegExp(`^${example}: \\${expected}`));
  }
});

test("the changesets config publishes paved publicly from main, with the offline changelog generator", () => {
  const config = readJson(".changeset/config.json");
  expect(config).toMatchObject({
    changelog: "@changesets/cli/changelog",
    access: "public",
    baseBranch: "main",
  });
});

test("every changeset bumps only paved, with a known bump type and a summary", () => {
  for (const file of changesetFiles()) {
    const text = fs.readFileSync(path.join(ROOT, ".changeset", file), "utf8");
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    expect(match).not.toBeNull();
    const front = parseYaml(match![1]) as Record<string, string>;
    expect(Object.keys(front)).toEqual(["paved"]);
    expect(["patch", "minor", "major"]).toContain(front.paved);
    expect(match![2].trim().length).toBeGreaterThan(20);
  }
});

test("the CHANGELOG's latest release is this version", () => {
  const changelog = fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8");
  expect(changelog.startsWith(`# ${pkg.name}\n`)).toBe(true);
  expect(/^## (\S+)$/m.exec(changelog)?.[1]).toBe(pkg.version);
});

test("`changeset version` works offline: it bumps the version and writes the changelog", () => {
  // A throwaway copy: package.json, the changesets config, one new changeset.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-changeset-"));
  try {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "paved", version: pkg.version }));
    fs.mkdirSync(path.join(dir, ".changeset"));
    fs.copyFileSync(
      path.join(ROOT, ".changeset", "config.json"),
      path.join(dir, ".changeset", "config.json"),
    );
    fs.writeFileSync(
      path.join(dir, ".changeset", "brave-new-output.md"),
      '---\n"paved": minor\n---\n\nSegmentedNetwork gains an `endpointSecurityGroupIds` output.\n',
    );
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    spawnSync("git", ["init", "-q"], { cwd: dir });
    const r = spawnSync(process.execPath, [require.resolve("@changesets/cli/bin.js"), "version"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, npm_config_offline: "true" },
    });
    expect(r.status).toBe(0);
    const [major, minor] = pkg.version.split(".").map(Number);
    const next = major === 0 ? `0.${minor + 1}.0` : `${major}.${minor + 1}.0`;
    expect(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version).toBe(next);
    const changelog = fs.readFileSync(path.join(dir, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${next}\n\n### Minor Changes\n\n- SegmentedNetwork gains an`);
    expect(changesetFiles(path.join(dir, ".changeset"))).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
