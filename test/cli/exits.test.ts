/**
 * Exit code 2, with one line naming the cause, for the programs and projects
 * the engine refuses: leaked promises, cyclic or deep inputs, duplicate URNs,
 * bad stack names, runtimes other than Node.js.
 */
import { paved } from "./run-cli";
import { cleanPrograms, makeProgram } from "./gate-support";

afterAll(cleanPrograms);

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];
const AWS = 'import * as aws from "@pulumi/aws";\nimport * as pulumi from "@pulumi/pulumi";\n';

/** The last line of stderr (the SDK may print its own notes before it). */
const last = (stderr: string) => stderr.trim().split("\n").pop();

test.each([
  [
    "a promise that never settles feeding an input",
    `const never = pulumi.output(new Promise<string>(() => undefined));\nnew aws.s3.Bucket("b", { bucketPrefix: never });\n`,
    /^paved: the program gate never finished \(settling registrations\): .*\d+ Pulumi promises were still active/,
  ],
  [
    "a cyclic input",
    `const o: Record<string, unknown> = { a: "1" }; o.self = o;\nnew aws.s3.Bucket("cyclic", { tags: o as never });\n`,
    /^paved: resource "cyclic" \(aws:s3\/bucket:Bucket\): input tags\.self refers back to itself/,
  ],
  [
    "an input nested 100,000 deep",
    `let o: unknown = {}; for (let i = 0; i < 100000; i++) o = { o };\nnew aws.s3.Bucket("deep", { tags: o as never });\n`,
    /^paved: resource "deep" \(aws:s3\/bucket:Bucket\): input tags\.o\.o.*nests deeper than 512 levels$/,
  ],
  [
    "two resources with one URN",
    `new aws.s3.Bucket("twin");\nnew aws.s3.Bucket("twin");\n`,
    /^paved: the program gate registers resource urn:pulumi:dev::gate::aws:s3\/bucket:Bucket::twin twice/,
  ],
])(
  "%s: exit 2 with one line naming it",
  async (_what, body, line) => {
    const r = await paved(["check", makeProgram({ "index.ts": AWS + body }), ...PACK], {});
    expect(r.code).toBe(2);
    expect(last(r.stderr)).toMatch(line);
    expect(r.stdout).toBe("");
  },
  60_000,
);

test.each([["../../etc/passwd"], ["org/project/dev"], [".."], ["dev/../prod"]])(
  "stack name %s is refused before it becomes a path",
  async (stack) => {
    const r = await paved(["check", makeProgram({ "index.ts": "export {};\n" }), "--stack", stack]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^paved: invalid stack name/);
  },
);

test.each([["python"], ["yaml"], ["{ name: go }"]])("runtime %s is refused, saying so", async (runtime) => {
  const dir = makeProgram({ "Pulumi.yaml": `name: py\nruntime: ${runtime}\n`, "__main__.py": "" });
  const r = await paved(["check", dir]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/runtime "(python|yaml|go)" is not supported; paved check runs Node\.js programs/);
});

test("package.json main is the entry when Pulumi.yaml has none (as the language host)", async () => {
  const dir = makeProgram({
    "package.json": '{ "main": "src/app.ts" }',
    "index.ts": 'throw new Error("not the entry");\n',
    "src/app.ts": `${AWS}new aws.ec2.SecurityGroup("open-ssh", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });\n`,
  });
  const r = await paved(["check", dir, ...PACK]);
  expect(r.code).toBe(1);
});
