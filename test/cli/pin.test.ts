/**
 * Who picks the levels: the platform team pins the policy config in CI
 * (PAVED_POLICY_CONFIG), which the stack's own paved:policyConfig cannot
 * override, and the report says which config and exemptions decided it.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { paved } from "./run-cli";
import { cleanPrograms, makeProgram, OPEN_SSH } from "./gate-support";

afterAll(cleanPrograms);

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];
const RELAXED = JSON.stringify({ all: "advisory" });
const STRICT = JSON.stringify({ "fixture-no-public-ssh": "mandatory" });

function app(): { dir: string; strict: string } {
  const dir = makeProgram({
    "index.ts": `import * as aws from "@pulumi/aws";\n${OPEN_SSH}\n`,
    "Pulumi.dev.yaml": "config:\n  paved:policyConfig: relaxed.json\n",
    "relaxed.json": RELAXED,
    "strict.json": STRICT,
  });
  return { dir, strict: path.join(dir, "strict.json") };
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

test("the stack's own paved:policyConfig makes everything advisory... unless PAVED_POLICY_CONFIG pins it", async () => {
  const { dir, strict } = app();
  const own = await paved(["check", dir, ...PACK]);
  expect(own.code).toBe(0);
  const pinned = await paved(["check", dir, ...PACK], { env: { PAVED_POLICY_CONFIG: strict } });
  expect(pinned.code).toBe(1);
  expect(pinned.stderr).toContain(
    "PAVED_POLICY_CONFIG pins the policy config; ignoring the stack's paved:policyConfig relaxed.json",
  );
});

test("the pin wins over --policy-config too (CI's environment, not the app team's command line)", async () => {
  const { dir, strict } = app();
  const r = await paved(["check", dir, ...PACK, "--policy-config", path.join(dir, "relaxed.json")], {
    env: { PAVED_POLICY_CONFIG: strict },
  });
  expect(r.code).toBe(1);
});

test("the report header names the policy config and the exemptions file with their sha256", async () => {
  const { dir, strict } = app();
  const exemptions = path.join(dir, "exemptions.yaml");
  fs.writeFileSync(exemptions, "exemptions: []\n");
  const env = { env: { PAVED_POLICY_CONFIG: strict } };
  const text = await paved(["check", dir, ...PACK, "--exemptions", exemptions], env);
  const lines = text.stdout.split("\n");
  expect(lines[1]).toBe(`policy config: ${strict} (PAVED_POLICY_CONFIG, sha256 ${sha(STRICT)})`);
  expect(lines[2]).toBe(`exemptions: ${exemptions} (--exemptions, sha256 ${sha("exemptions: []\n")})`);
  const json = await paved(["check", dir, ...PACK, "--exemptions", exemptions, "--format", "json"], env);
  expect((JSON.parse(json.stdout) as { inputs: string[] }).inputs).toEqual([lines[1], lines[2]]);
  const own = await paved(["check", dir, ...PACK]);
  expect(own.stdout.split("\n")[1]).toMatch(
    /^policy config: .*relaxed\.json \(paved:policyConfig, sha256 [0-9a-f]{64}\)$/,
  );
});

test("an exemptions file the program rewrites while it runs is refused (exit 2)", async () => {
  const { dir } = app();
  const exemptions = path.join(dir, "exemptions.yaml");
  fs.writeFileSync(exemptions, "exemptions: []\n");
  fs.writeFileSync(
    path.join(dir, "index.ts"),
    `import * as aws from "@pulumi/aws";\nimport * as fs from "fs";\n${OPEN_SSH}\n` +
      `fs.writeFileSync(${JSON.stringify(exemptions)}, "exemptions:\\n  - policy: fixture-no-public-ssh\\n");\n`,
  );
  const r = await paved([
    "check",
    dir,
    ...PACK,
    "--exemptions",
    exemptions,
    "--policy-config",
    path.join(dir, "strict.json"),
  ]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("changed while the check ran");
});
