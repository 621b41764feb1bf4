import * as fs from "fs";
import * as path from "path";
import { parseState } from "../../cli/engine/state";
import { UsageError } from "../../cli/errors";
import { STATES } from "./run-cli";

const read = (name: string) => fs.readFileSync(path.join(STATES, name), "utf8");
const SIG = "4dabf18193072939515e22adb298388d";

describe("parseState (pulumi stack export, deployment v3)", () => {
  const snap = parseState(read("bad.json"), "bad.json");
  const byName = (n: string) => snap.resources.find((r) => r.name === n)!;

  test("project and stack come from the stack URN", () => {
    expect(snap).toMatchObject({ project: "payments", stack: "prod" });
  });

  test("inputs become the props; resources pending deletion are left out", () => {
    expect(byName("plain").properties).toEqual({
      availabilityZone: "us-east-1a",
      size: 10,
      tags: expect.objectContaining({ "app-id": "payments-api" }),
    });
    expect(snap.resources.map((r) => r.name)).not.toContain("old");
  });

  test("the parent chain comes from `parent`", () => {
    const vol = byName("data-vol");
    expect(vol.parent).toBe("urn:pulumi:prod::payments::paved:aws:SanVolume::data");
    expect(byName("data").parent).toBe("urn:pulumi:prod::payments::pulumi:pulumi:Stack::payments-prod");
    expect(byName("payments-prod").parent).toBeUndefined();
  });

  test("an encrypted secret stays a secret, masked", () => {
    expect(byName("db-password").properties.value).toEqual({
      [SIG]: "1b47061264138c4ac30d75fd1eb44270",
      value: "[secret]",
    });
  });

  test("a secret exported with --show-secrets keeps its value, still secret", () => {
    const text = JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          {
            urn: "urn:pulumi:dev::p::aws:ssm/parameter:Parameter::x",
            type: "aws:ssm/parameter:Parameter",
            custom: true,
            inputs: { value: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: '"hunter2"' } },
          },
        ],
      },
    });
    expect(parseState(text, "x").resources[0].properties.value).toEqual({
      [SIG]: "1b47061264138c4ac30d75fd1eb44270",
      value: "hunter2",
    });
  });

  test("custom resources keep their id and provider", () => {
    expect(byName("plain")).toMatchObject({ custom: true, id: "plain-id" });
    expect(byName("plain").provider).toMatch(
      /^urn:pulumi:prod::payments::pulumi:providers:aws::default_7_48_0::/,
    );
  });

  test.each([
    ["truncated-export.txt", /truncated-export.txt is not valid JSON/],
    ["version-2.json", /has deployment version 2; paved reads version 3/],
    ["no-urn.json", /deployment.resources\[0\] has no urn or type/],
  ])("%s is refused as a usage error", (file, message) => {
    expect(() => parseState(read(file), file)).toThrow(UsageError);
    expect(() => parseState(read(file), file)).toThrow(message);
  });

  test("a JSON document that is not an export is refused", () => {
    expect(() => parseState("[1,2]", "list.json")).toThrow(/not a stack export/);
    expect(() => parseState('{"version":3,"deployment":{"resources":{}}}', "o.json")).toThrow(
      /must be a list/,
    );
  });
});
