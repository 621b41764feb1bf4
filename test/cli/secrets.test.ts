/**
 * A secure: config value paved cannot decrypt is never a silent pass: each
 * input that holds it is an advisory "cannot check: secret" naming the field.
 */
import { paved } from "./run-cli";
import { cleanPrograms, makeProgram } from "./gate-support";
import { maskedFields } from "../../cli/engine/secrets";

afterAll(cleanPrograms);

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];

test("an input fed by a secure: config value is reported as not checked, naming the field", async () => {
  const dir = makeProgram({
    "Pulumi.dev.yaml": "config:\n  gate:cidr:\n    secure: AAABAKx1cGxvbmU=\n",
    "index.ts":
      'import * as aws from "@pulumi/aws";\nimport * as pulumi from "@pulumi/pulumi";\n' +
      "const cfg = new pulumi.Config();\n" +
      'new aws.ec2.SecurityGroup("sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [cfg.requireSecret("cidr")] }] });\n',
  });
  const r = await paved(["check", dir, ...PACK, "--format", "json"]);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as {
    violations: { policy: string; level: string; message: string; resourceName: string }[];
  };
  const notChecked = report.violations.filter((v) => v.policy === "paved-not-checked");
  expect(notChecked).toHaveLength(1);
  expect(notChecked[0]).toMatchObject({ level: "advisory", resourceName: "sg" });
  expect(notChecked[0].message).toMatch(
    /^cannot check: secret in ingress\[0\]\.cidrBlocks\[0\] .*real `pulumi preview --policy-pack` sees the decrypted value/,
  );
});

test("maskedFields finds the mask in secrets, plain strings and interpolations", () => {
  const secret = {
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    value: "[secret]",
  };
  expect(maskedFields({ a: secret, b: ["x", "[secret]"], c: { d: '{"k":"[secret]"}' }, e: "fine" })).toEqual([
    "a",
    "b[1]",
    "c.d",
  ]);
});
