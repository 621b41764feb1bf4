/**
 * StackReference offline: answered from `--stack-reference <name>=<file>`,
 * else unknown values with a warning; never an empty report with a
 * violations exit code.
 */
import * as fs from "fs";
import * as path from "path";
import { paved } from "./run-cli";
import { cleanPrograms, makeProgram } from "./gate-support";

afterAll(cleanPrograms);

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];
const PROGRAM = `import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const net = new pulumi.StackReference("acme/network/prod");
new aws.ec2.SecurityGroup("sg", {
  vpcId: net.getOutput("vpcId") as pulumi.Output<string>,
  ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [net.getOutput("adminCidr") as pulumi.Output<string>] }],
});
`;

interface Json {
  violations: { policy: string }[];
  summary: { resources: number };
}

test("outputs from `pulumi stack output --json` or `pulumi stack export` reach the program and the pack", async () => {
  const dir = makeProgram({ "index.ts": PROGRAM });
  const outputs = path.join(dir, "net.json");
  fs.writeFileSync(outputs, JSON.stringify({ vpcId: "vpc-123", adminCidr: "0.0.0.0/0" }));
  const exported = path.join(dir, "export.json");
  fs.writeFileSync(
    exported,
    JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          { type: "pulumi:pulumi:Stack", urn: "u", outputs: { vpcId: "vpc-1", adminCidr: "0.0.0.0/0" } },
        ],
      },
    }),
  );
  for (const file of [outputs, exported]) {
    const r = await paved([
      "check",
      dir,
      ...PACK,
      "--format",
      "json",
      "--stack-reference",
      `acme/network/prod=${file}`,
    ]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Json).violations.map((v) => v.policy)).toContain("fixture-no-public-ssh");
  }
});

test("without a file: unknown outputs, a warning naming the reference, and a report (no crash, no empty FAIL)", async () => {
  const dir = makeProgram({ "index.ts": PROGRAM });
  const r = await paved(["check", dir, ...PACK, "--format", "json"]);
  expect(r.stderr).toContain(
    "paved: warning: StackReference acme/network/prod: its outputs are unknown here; pass --stack-reference",
  );
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as Json;
  expect(report.summary.resources).toBeGreaterThan(0);
});

test("a malformed --stack-reference is a usage error", async () => {
  const r = await paved([
    "check",
    makeProgram({ "index.ts": PROGRAM }),
    "--stack-reference",
    "no-equals-sign",
  ]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/expected <stack-name>=<file>/);
});
