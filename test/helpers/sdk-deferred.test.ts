/**
 * Pins the SDK's Automation API deferral: `@pulumi/pulumi`'s index binds
 * `pulumi.automation` with `require("./automation")`, which jest maps to
 * test/setup/sdk-automation.ts and which the CLI's loader answers with the
 * same lazy namespace (cli/engine/loader.ts). An SDK that moves the request
 * fails here instead of silently loading the API again everywhere; a stand-in
 * that stops forwarding fails the namespace tests.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { lazyNamespace } from "../../cli/engine/loader";

const ROOT = path.resolve(__dirname, "..", "..");
const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const realAutomation = () =>
  jest.requireActual(path.join(sdk, "automation", "index.js")) as Record<string, unknown>;

test("the SDK's index loads the Automation API by the relative request jest maps and the loader defers", () => {
  const index = fs.readFileSync(path.join(sdk, "index.js"), "utf8");
  expect(index).toContain('__importStar(require("./automation"))');
  expect(index).toContain("exports.automation = automation;");
});

test("pulumi.automation gives the real API's classes and functions", () => {
  const real = realAutomation();
  expect(pulumi.automation.LocalWorkspace).toBe(real.LocalWorkspace);
  expect(pulumi.automation.Stack).toBe(real.Stack);
  expect(pulumi.automation.fullyQualifiedStackName).toBe(real.fullyQualifiedStackName);
  expect(Object.keys(pulumi.automation).sort()).toEqual(Object.keys(real).sort());
  expect("LocalWorkspace" in pulumi.automation).toBe(true);
});

describe("lazyNamespace", () => {
  test("loads nothing until used, then forwards reads, enumeration, `in` and writes", () => {
    const target: Record<string, unknown> = { a: 1, f: () => 2 };
    let loads = 0;
    const ns = lazyNamespace(() => {
      loads++;
      return target;
    }) as Record<string, unknown>;
    expect((ns as { __esModule?: boolean }).__esModule).toBe(true);
    expect(loads).toBe(0);
    expect(ns.a).toBe(1);
    expect(ns.f).toBe(target.f);
    expect(Object.keys(ns)).toEqual(["a", "f"]);
    expect("a" in ns && !("b" in ns)).toBe(true);
    ns.b = 3;
    expect(target.b).toBe(3);
    delete ns.b;
    expect("b" in target).toBe(false);
  });

  test("an error loading the real module surfaces at first use, not hidden", () => {
    const ns = lazyNamespace(() => {
      throw new Error("no such module");
    }) as Record<string, unknown>;
    expect(() => ns.anything).toThrow("no such module");
  });
});

test("a program's process (the CLI's loader) loads neither the Automation API nor closure serialization until used", () => {
  const script = `
    require(${JSON.stringify(path.join(ROOT, "bin", "bootstrap.js"))}).registerLoader();
    require(${JSON.stringify(path.join(ROOT, "components", "index.ts"))});
    require("@pulumi/pulumi");
    const deferred = () => Object.keys(require.cache).filter((f) => /[\\\\/]@pulumi[\\\\/]pulumi[\\\\/](automation|runtime[\\\\/]closure)[\\\\/]/.test(f)).length;
    const before = deferred();
    const pulumi = require("@pulumi/pulumi");
    const same = pulumi.automation.LocalWorkspace === require("@pulumi/pulumi/automation").LocalWorkspace;
    process.stdout.write(JSON.stringify({ before, same, after: deferred() }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT }).toString()) as {
    before: number;
    same: boolean;
    after: number;
  };
  expect(out.before).toBe(0);
  expect(out.same).toBe(true);
  expect(out.after).toBeGreaterThan(10);
});
