/** `paved drift` over two stack exports: resources matched by type and name, inputs compared. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDrift } from "../../cli/drift";

const SIG = "4dabf18193072939515e22adb298388d";

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

type Res = { type: string; name: string; id?: string; inputs?: Record<string, unknown>; parent?: string };

function stackExport(stack: string, resources: Res[]): string {
  const urn = (r: Res) => `urn:pulumi:${stack}::shop::${r.parent ? `${r.parent}$` : ""}${r.type}::${r.name}`;
  return JSON.stringify({
    version: 3,
    deployment: {
      manifest: {},
      resources: [
        {
          urn: `urn:pulumi:${stack}::shop::pulumi:pulumi:Stack::shop-${stack}`,
          type: "pulumi:pulumi:Stack",
          custom: false,
        },
        ...resources.map((r) => ({
          urn: urn(r),
          type: r.type,
          custom: true,
          id: r.id,
          inputs: r.inputs ?? {},
        })),
      ],
    },
  });
}

const VPC = "aws:ec2/vpc:Vpc";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const BUCKET = "aws:s3/bucket:Bucket";

function write(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-drift-export-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const canary = stackExport("canary", [
  { type: VPC, name: "net", id: "vpc-canary", inputs: { cidrBlock: "10.0.0.0/16", __defaults: [] } },
  {
    type: SG,
    name: "web",
    parent: "paved:aws:SegmentedNetwork",
    id: "sg-1",
    inputs: {
      vpcId: "vpc-canary",
      ingress: [{ fromPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
      password: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAA" },
      peer: `urn:pulumi:canary::shop::${VPC}::net`,
      tags: { environment: "canary" },
    },
  },
  { type: BUCKET, name: "scratch", inputs: { acl: "private" } },
]);
const prod = stackExport("prod", [
  { type: VPC, name: "net", id: "vpc-prod", inputs: { cidrBlock: "10.0.0.0/16" } },
  {
    type: SG,
    name: "web",
    parent: "paved:aws:SegmentedNetwork",
    id: "sg-9",
    inputs: {
      vpcId: "vpc-prod",
      ingress: [{ fromPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
      password: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "ZZZ" },
      peer: `urn:pulumi:prod::shop::${VPC}::net`,
      tags: { environment: "prod" },
    },
  },
]);

describe("paved drift over two stack exports", () => {
  test("matches resources by type and name and reports input differences not on the allow-list", async () => {
    const dir = write({
      "canary.json": canary,
      "prod.json": prod,
      "allow.yaml": `allow:\n  - key: "${SG}::web.tags.environment"\n    reason: each stack names its environment\n`,
    });
    const r = await drift(["canary.json", "prod.json", "--allow", "allow.yaml", "--format", "json"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    // ids of resources in the same stack, URNs' stack part and secrets' ciphertexts are not drift.
    expect(report.unexpected).toEqual([
      { key: `${SG}::web.ingress[0].fromPort`, kind: "changed", a: "443", b: "22" },
      { key: `${BUCKET}::scratch`, kind: "onlyInA", a: JSON.stringify(BUCKET) },
    ]);
    expect(report.allowed.map((e: { key: string }) => e.key)).toEqual([`${SG}::web.tags.environment`]);
  });

  test("two identical exports of different stacks: exit 0", async () => {
    const other = prod.replace(/urn:pulumi:prod::/g, "urn:pulumi:canary::").replace(/vpc-prod/g, "vpc-0c4f");
    const dir = write({ "a.json": prod, "b.json": other });
    const r = await drift(["a.json", "b.json"], dir);
    expect(r.out).toContain("0 unexpected");
    expect(r.code).toBe(0);
  });

  test("an export beside a stack file, or an export of another version, is an input error (exit 2)", async () => {
    const dir = write({
      "a.json": prod,
      "b.yaml": "config: {}\n",
      "v2.json": JSON.stringify({ version: 2, deployment: {} }),
    });
    const mixed = await drift(["a.json", "b.yaml"], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain("a.json is a stack export and b.yaml is not");
    const old = await drift(["a.json", "v2.json"], dir);
    expect(old.code).toBe(2);
    expect(old.err).toContain("v2.json: not a stack export of deployment version 3");
  });
});
