import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fullKey, loadProject, MASKED_SECRET } from "../../cli/project";
import { UsageError } from "../../cli/errors";
import { PROGRAMS } from "./run-cli";

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-project-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error("expected a UsageError");
}

describe("loadProject", () => {
  test("a bare key belongs to the project's namespace; namespaced keys stay as written", () => {
    expect(fullKey("demo", "size")).toBe("demo:size");
    expect(fullKey("demo", "aws:region")).toBe("aws:region");
  });

  test("reads main, stackConfigDir, project defaults, objects and secrets as a preview would", () => {
    const p = loadProject(path.join(PROGRAMS, "config"), "prod");
    expect(p.name).toBe("config-demo");
    expect(p.entry).toBe(path.join(PROGRAMS, "config", "src", "index.ts"));
    expect(p.stackConfigFile).toBe(path.join(PROGRAMS, "config", "stacks", "Pulumi.prod.yaml"));
    expect(p.config).toEqual({
      "config-demo:size": "small",
      "aws:region": "ap-northeast-1",
      "config-demo:replicas": "3",
      "config-demo:dbPassword": MASKED_SECRET,
      "config-demo:settings": JSON.stringify({ tier: "gold", ports: [80, 443] }),
    });
    expect(p.secretKeys).toEqual(["config-demo:dbPassword"]);
  });

  test("the ciphertext of a secure value never reaches the config", () => {
    const p = loadProject(path.join(PROGRAMS, "config"), "prod");
    expect(JSON.stringify(p.config)).not.toContain("v1:AAAA");
  });

  test("the default stack with no config file runs with the project defaults", () => {
    const p = loadProject(path.join(PROGRAMS, "config"));
    expect(p.stack).toBe("dev");
    expect(p.stackConfigFile).toBeUndefined();
    expect(p.config).toEqual({ "config-demo:size": "small" });
  });

  test("a stack named explicitly must have its config file", () => {
    expect(usageError(() => loadProject(path.join(PROGRAMS, "config"), "qa")).message).toMatch(
      /no config for stack "qa": .*Pulumi\.qa\.yaml does not exist/,
    );
  });

  test("pulumi:* keys are the engine's and are not program config", () => {
    const dir = tempProject({
      "Pulumi.yaml": "name: p\nruntime: nodejs\nconfig:\n  pulumi:tags:\n    value: {a: b}\n",
      "Pulumi.dev.yaml": "config:\n  pulumi:disable-default-providers: ['*']\n  p:x: 1\n",
      "index.ts": "",
    });
    expect(loadProject(dir).config).toEqual({ "p:x": "1" });
  });

  test("index.js is found when there is no index.ts", () => {
    const dir = tempProject({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "index.js": "" });
    expect(loadProject(dir).entry).toBe(path.join(dir, "index.js"));
  });

  test.each([
    ["a missing directory", () => path.join(os.tmpdir(), "paved-no-such-dir"), /program directory not found/],
    ["no Pulumi.yaml", () => tempProject({ "index.ts": "" }), /no Pulumi.yaml in .*: not a Pulumi project/],
    ["no project name", () => tempProject({ "Pulumi.yaml": "runtime: nodejs\n" }), /has no project name/],
    ["malformed YAML", () => tempProject({ "Pulumi.yaml": "name: [oops\n" }), /is not valid YAML/],
    [
      "no entry module",
      () => tempProject({ "Pulumi.yaml": "name: p\nruntime: nodejs\nmain: src/\n" }),
      /no program entry .*main "src\/"/,
    ],
    [
      "a malformed stack file",
      () =>
        tempProject({
          "Pulumi.yaml": "name: p\nruntime: nodejs\n",
          "index.ts": "",
          "Pulumi.dev.yaml": "config: [1, 2]\n",
        }),
      /config must be a mapping/,
    ],
  ])("%s is a usage error", (_, make, message) => {
    const dir = make();
    expect(usageError(() => loadProject(dir)).message).toMatch(message);
  });
});
