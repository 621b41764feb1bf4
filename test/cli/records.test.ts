/**
 * What the program's process records for the checker: resource references
 * as the engine hands them to a pack, and where each resource was constructed.
 */
import { loadProject } from "../../cli/project";
import { runProgram } from "../../cli/engine/run";
import { cleanPrograms, makeProgram } from "./gate-support";
import { paved } from "./run-cli";

afterAll(cleanPrograms);

const GOVERNANCE = `config:
  paved:appId: shop
  paved:owner: team-shop
  paved:costCenter: cc-3001
  paved:dataClassification: internal
  paved:environment: dev
  paved:permissionsBoundaryArn: arn:aws:iam::123456789012:policy/boundary
`;

const REFS = `import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
class Site extends pulumi.ComponentResource {
  constructor(name: string) {
    super("test:index:Site", name);
    new aws.s3.Bucket(\`\${name}-logs\`, {}, { parent: this });
    this.registerOutputs({});
  }
}
const role = new aws.iam.Role("r", { assumeRolePolicy: "{}" });
new aws.iam.RolePolicyAttachment("a", { role: role, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
const siteBucket = new aws.s3.Bucket("site");
new aws.s3.BucketPolicy("p", { bucket: siteBucket, policy: "{}" });
const site = new Site("docs");
new aws.s3.Bucket("tagged", { tags: { site: site as unknown as string } });
`;

describe("resource references as inputs", () => {
  test("a custom resource becomes its id, a component its URN (as the engine hands them to a pack)", async () => {
    const run = await runProgram(loadProject(makeProgram({ "index.ts": REFS }, "refs")));
    const byName = new Map(run.resources.map((r) => [r.name, r]));
    expect(byName.get("a")?.properties.role).toBe(byName.get("r")?.id);
    expect(byName.get("p")?.properties.bucket).toBe(byName.get("site")?.id);
    expect(byName.get("tagged")?.properties.tags).toEqual({ site: byName.get("docs")?.urn });
    expect(byName.get("docs")?.urn).toBe("urn:pulumi:dev::refs::test:index:Site::docs");
  });

  test("in a preview, a reference to a resource with no id yet is unknown", async () => {
    const run = await runProgram(loadProject(makeProgram({ "index.ts": REFS }, "refs")), { preview: true });
    const a = run.resources.find((r) => r.name === "a");
    expect(a?.properties.role).toBe("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  });

  test("paved check runs the bundled pack over them (no pack crash, no exit 2)", async () => {
    const r = await paved(["check", makeProgram({ "index.ts": REFS }, "refs"), "--format", "json"]);
    expect(r.stderr).not.toContain("Error validating resource");
    expect([0, 1]).toContain(r.code);
  });
});

describe("source positions", () => {
  test("each resource carries the program line that constructed it", async () => {
    const dir = makeProgram({ "index.ts": REFS }, "refs");
    const run = await runProgram(loadProject(dir));
    const at = (name: string) => {
      const s = run.resources.find((r) => r.name === name)?.source;
      return s && { file: s.file.slice(s.file.lastIndexOf("/") + 1), line: s.line };
    };
    expect(at("r")).toEqual({ file: "index.ts", line: 10 });
    expect(at("p")).toEqual({ file: "index.ts", line: 13 });
    expect(at("docs")).toEqual({ file: "index.ts", line: 14 });
    // The component is the program's own, so its child's line is the program's too.
    expect(at("docs-logs")).toEqual({ file: "index.ts", line: 6 });
  });
});

test("a child of a library component points at the line that constructed the component", async () => {
  const dir = makeProgram(
    {
      "index.ts": `import { LeastPrivilegeRole } from "paved";

void 0;
new LeastPrivilegeRole("app", {
  trust: { service: "lambda.amazonaws.com" },
  statements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }],
});
`,
      "Pulumi.dev.yaml": GOVERNANCE,
    },
    "lib",
  );
  const run = await runProgram(loadProject(dir));
  const kids = run.resources.filter((r) => r.parent?.endsWith("::app"));
  expect(kids.length).toBeGreaterThan(0);
  for (const k of kids) expect(k.source?.line).toBe(4);
});
