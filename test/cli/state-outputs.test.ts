/** `paved check --state` checks the recorded outputs too, and reads resource references as ids. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseState } from "../../cli/engine/state";
import { paved } from "./run-cli";

const SIG = "4dabf18193072939515e22adb298388d";
const REF = "5cf8f73096256a8f31e491e813e4eb8e";
const PACK = ["--policy-pack", "test/cli/fixtures/pack"];
const STACK = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";
const VOL = "aws:ebs/volume:Volume";
const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;

function exportOf(resources: object[]): string {
  return JSON.stringify({
    version: 3,
    deployment: {
      manifest: {},
      resources: [{ urn: STACK, type: "pulumi:pulumi:Stack", custom: false }, ...resources],
    },
  });
}

function volume(name: string, inputs: object, outputs?: object) {
  return { urn: urn(VOL, name), type: VOL, custom: true, id: `vol-${name}`, parent: STACK, inputs, outputs };
}

function stateFile(text: string): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "paved-state-")), "stack.json");
  fs.writeFileSync(f, text);
  return f;
}

describe("--state reads the recorded outputs as well as the declared inputs", () => {
  test("a finding only the outputs show (what refresh saw) is reported, saying so; one only the inputs show too", async () => {
    const text = exportOf([
      volume(
        "drifted",
        { encrypted: true, size: 10 },
        { encrypted: false, size: 10, arn: "arn:aws:ec2:::volume/x" },
      ),
      volume("declared", { encrypted: false }, { encrypted: true }),
      volume("both", { encrypted: false }, { encrypted: false }),
      volume("fine", { encrypted: true }, { encrypted: true }),
      volume("no-outputs", { encrypted: true }),
    ]);
    const r = await paved(["check", "--state", stateFile(text), ...PACK, "--format", "json"]);
    const report = JSON.parse(r.stdout) as { violations: { urn: string; message: string }[] };
    const msgs = report.violations.map((v) => [v.urn.split("::").pop(), v.message]).sort();
    expect(msgs).toEqual([
      ["both", "the volume is not encrypted"],
      ["declared", "the volume is not encrypted (in the declared inputs)"],
      ["drifted", "the volume is not encrypted (in the recorded outputs)"],
    ]);
  });

  test("the outputs view keeps the inputs' form: secrets masked, references as ids", () => {
    const snap = parseState(
      exportOf([
        volume(
          "v",
          { encrypted: true },
          { encrypted: true, kms: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "x" } },
        ),
      ]),
      "s",
    );
    const v = snap.resources.find((r) => r.name === "v")!;
    expect(v.recorded).toEqual({
      encrypted: true,
      kms: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "[secret]" },
    });
    expect(snap.resources.find((r) => r.type === "pulumi:pulumi:Stack")!.recorded).toBeUndefined();
  });
});

describe("--state reads resource references as the id they stand for", () => {
  const vpc = {
    urn: urn("aws:ec2/vpc:Vpc", "net"),
    type: "aws:ec2/vpc:Vpc",
    custom: true,
    id: "vpc-0abc",
    inputs: {},
  };
  const comp = {
    urn: urn("paved:aws:SegmentedNetwork", "core"),
    type: "paved:aws:SegmentedNetwork",
    custom: false,
  };
  const log = (inputs: object) => ({
    urn: urn("aws:ec2/flowLog:FlowLog", "log"),
    type: "aws:ec2/flowLog:FlowLog",
    custom: true,
    id: "fl-1",
    inputs,
  });

  test.each([
    ["a URN string", { vpcId: vpc.urn }],
    ["a reference object with its id", { vpcId: { [SIG]: REF, urn: vpc.urn, id: "vpc-0abc" } }],
    ["a reference object without an id", { vpcId: { [SIG]: REF, urn: vpc.urn } }],
    ["the id itself", { vpcId: "vpc-0abc" }],
  ])("%s", (_, inputs) => {
    const snap = parseState(exportOf([vpc, log(inputs)]), "s");
    expect(snap.resources.find((r) => r.name === "log")!.properties.vpcId).toBe("vpc-0abc");
  });

  test("in lists and outputs too; a component's URN stays a URN; other strings are left alone", () => {
    const snap = parseState(
      exportOf([
        vpc,
        comp,
        {
          ...log({ ids: [vpc.urn, { [SIG]: REF, urn: comp.urn }], note: "urn:pulumi:other::x::t::n" }),
          outputs: { vpcId: { [SIG]: REF, urn: vpc.urn, id: "vpc-0abc" } },
        },
      ]),
      "s",
    );
    const l = snap.resources.find((r) => r.name === "log")!;
    expect(l.properties).toEqual({ ids: ["vpc-0abc", comp.urn], note: "urn:pulumi:other::x::t::n" });
    expect(l.recorded).toEqual({ vpcId: "vpc-0abc" });
  });

  test("the check sees them: a flow log that names its VPC by URN covers the VPC", async () => {
    const text = exportOf([
      { ...vpc, inputs: { id: "vpc-0abc" } },
      log({ vpcId: { [SIG]: REF, urn: vpc.urn } }),
    ]);
    const r = await paved(["check", "--state", stateFile(text), ...PACK, "--format", "json"]);
    const report = JSON.parse(r.stdout) as { violations: { policy: string }[] };
    expect(report.violations.filter((v) => v.policy === "fixture-vpc-flow-logs")).toEqual([]);
  });
});
