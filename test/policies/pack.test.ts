/**
 * The pack's inventory (cdk-nag habit): every policy's name and default level
 * pinned, so adding, removing or loosening a policy is a visible change here.
 */
import * as fs from "fs";
import * as path from "path";
import { packArgs, policies } from "../../policies/pack";
import { packConfig } from "../../policies/lib/docs";
import { reconcilePackConfig } from "../../cli/engine/analyzer-config";

const root = path.join(__dirname, "../..");

test("the inventory: every policy and its default level", () => {
  expect(policies.map((p) => [p.name, p.defaultLevel])).toEqual([
    ["aws-sg-no-public-admin-ingress", "mandatory"],
    ["aws-sg-no-public-database-ingress", "mandatory"],
    ["aws-sg-description-required", "advisory"],
    ["aws-vpc-flow-logs-enabled", "mandatory"],
    ["aws-ebs-volume-encrypted", "mandatory"],
    ["aws-instance-block-devices-encrypted", "mandatory"],
    ["aws-ebs-snapshot-not-public", "mandatory"],
    ["aws-s3-public-access-blocked", "mandatory"],
    ["aws-rds-not-public", "mandatory"],
    ["aws-rds-storage-encrypted", "mandatory"],
    ["aws-iam-no-wildcard-action", "mandatory"],
    ["aws-iam-no-allow-not-action", "mandatory"],
    ["aws-iam-no-resource-wildcard", "mandatory"],
    ["aws-iam-no-admin-managed-policy", "mandatory"],
    ["aws-iam-no-public-trust", "mandatory"],
    ["aws-iam-oidc-trust-requires-sub", "mandatory"],
    ["aws-iam-no-inline-user-policy", "mandatory"],
    ["k8s-no-privileged", "mandatory"],
    ["k8s-no-privilege-escalation", "mandatory"],
    ["k8s-run-as-non-root", "mandatory"],
    ["k8s-capabilities-restricted", "mandatory"],
    ["k8s-seccomp-profile", "mandatory"],
    ["k8s-no-host-namespaces", "mandatory"],
    ["k8s-no-hostpath", "mandatory"],
    ["k8s-no-host-ports", "mandatory"],
    ["k8s-restricted-volume-types", "mandatory"],
    ["k8s-no-security-overrides", "mandatory"],
    ["k8s-image-pinned", "mandatory"],
    ["k8s-resource-limits", "advisory"],
    ["k8s-loadbalancer-exposure", "mandatory"],
    ["k8s-namespace-network-policy", "mandatory"],
    ["paved-required-tags", "mandatory"],
    ["paved-approved-components", "advisory"],
    ["paved-critical-resources-alarmed", "advisory"],
    ["paved-exemptions", "mandatory"],
  ]);
});

test("names are unique, and the SDK policies carry the same names and levels in the same order", () => {
  expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
  expect(packArgs.policies.map((p) => [p.name, p.enforcementLevel])).toEqual(
    policies.map((p) => [p.name, p.defaultLevel]),
  );
});

test("every policy has severity, remediation steps and a configSchema the SDK accepts", () => {
  for (const p of packArgs.policies) {
    expect(p.severity).toBeDefined();
    expect(p.remediationSteps).toMatch(/^1\. /);
    expect(p.configSchema?.properties).toHaveProperty("exemptions");
    expect(p.configSchema?.properties).not.toHaveProperty("enforcementLevel");
  }
});

test("policies/package.json carries the library's version (the pack reports it)", () => {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), "utf8")) as { version: string };
  expect(read("policies/package.json").version).toBe(read("package.json").version);
});

test("PulumiPolicy.yaml says runtime nodejs; index.ts only constructs the pack", () => {
  expect(fs.readFileSync(path.join(root, "policies/PulumiPolicy.yaml"), "utf8")).toMatch(
    /^runtime: nodejs$/m,
  );
  const code = fs
    .readFileSync(path.join(root, "policies/index.ts"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("//"));
  expect(code).toEqual([
    'import { PolicyPack } from "@pulumi/policy";',
    'import { packArgs } from "./pack";',
    'new PolicyPack("paved", packArgs);',
  ]);
});

describe("the sample pack configs", () => {
  const infos = packArgs.policies.map((p) => ({ name: p.name, configSchema: p.configSchema }));
  test.each(["dev", "staging", "prod"] as const)(
    "%s.json names only real policies and passes their schemas",
    (stage) => {
      const config = JSON.parse(fs.readFileSync(path.join(root, `policies/config/${stage}.json`), "utf8"));
      expect(() => reconcilePackConfig(infos, config)).not.toThrow();
    },
  );

  test("dev is advisory except the exemption ledger; prod makes the whole security set mandatory", () => {
    const dev = packConfig(policies, "dev");
    expect(Object.entries(dev).filter(([, l]) => l !== "advisory")).toEqual([
      ["paved-exemptions", "mandatory"],
    ]);
    const prod = packConfig(policies, "prod");
    const level = (e: unknown) =>
      typeof e === "string" ? e : (e as { enforcementLevel: string }).enforcementLevel;
    for (const p of policies.filter((x) => x.securitySet))
      expect([p.name, level(prod[p.name])]).toEqual([p.name, "mandatory"]);
    expect(prod["aws-sg-no-public-admin-ingress"]).toEqual({
      enforcementLevel: "mandatory",
      forbiddenSources: ["any", "public"],
    });
  });
});
