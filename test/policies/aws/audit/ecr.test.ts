import { ecrScanOnPush } from "../../../../policies/aws/audit/ecr-scan-on-push";
import { ecrTagImmutable } from "../../../../policies/aws/audit/ecr-tag-immutable";
import { Fixture, describePolicyTable, runStackPolicy, unknown, urnOf } from "../../harness";

const REPO = "aws:ecr/repository:Repository";
const REGISTRY = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";

describePolicyTable(ecrTagImmutable, {
  base: {
    type: REPO,
    props: { name: "app", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } },
  },
  pass: [
    {
      name: "IMMUTABLE_WITH_EXCLUSION when config allows exclusions",
      patch: {
        imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
        imageTagMutabilityExclusionFilters: [{ filter: "dev-*", filterType: "WILDCARD" }],
      },
      options: { config: { allowExclusionFilters: true } },
    },
  ],
  fail: [
    {
      name: "unset (MUTABLE by default)",
      patch: { imageTagMutability: undefined },
      expect: /imageTagMutability is unset \(MUTABLE by default\)/,
      count: 1,
    },
    { name: "MUTABLE", patch: { imageTagMutability: "MUTABLE" }, expect: /is "MUTABLE"/ },
    {
      name: "MUTABLE_WITH_EXCLUSION",
      patch: {
        imageTagMutability: "MUTABLE_WITH_EXCLUSION",
        imageTagMutabilityExclusionFilters: [{ filter: "v*", filterType: "WILDCARD" }],
      },
      expect: /"MUTABLE_WITH_EXCLUSION"/,
    },
    {
      name: "lower-case immutable is not a valid value",
      patch: { imageTagMutability: "immutable" },
      expect: /"immutable"/,
    },
    {
      name: "IMMUTABLE_WITH_EXCLUSION by default",
      patch: {
        imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
        imageTagMutabilityExclusionFilters: [{ filter: "latest", filterType: "WILDCARD" }],
      },
      expect: /tags matching \["latest"\] can be moved/,
    },
    {
      name: "an exclusion filter matching every tag, even when exclusions are allowed",
      patch: {
        imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
        imageTagMutabilityExclusionFilters: [{ filter: "*", filterType: "WILDCARD" }],
      },
      options: { config: { allowExclusionFilters: true } },
      expect: /exclusion filter "\*", which leaves every tag mutable/,
    },
  ],
  unknown: [{ name: "imageTagMutability unknown", patch: { imageTagMutability: unknown } }],
});

const repo = (name: string, props: Record<string, unknown> = {}): Fixture => ({
  type: REPO,
  name,
  props: { name, imageTagMutability: "IMMUTABLE", ...props },
});
const registry = (rules: unknown, scanType = "ENHANCED"): Fixture => ({
  type: REGISTRY,
  name: "scanning",
  props: { scanType, rules },
});
const rule = (filter: string, scanFrequency = "SCAN_ON_PUSH") => ({
  scanFrequency,
  repositoryFilters: [{ filter, filterType: "WILDCARD" }],
});

describePolicyTable(ecrScanOnPush, {
  base: [repo("app", { imageScanningConfiguration: { scanOnPush: true } })],
  pass: [
    {
      name: 'scanOnPush "true"',
      stack: () => [repo("app", { imageScanningConfiguration: { scanOnPush: "true" } })],
    },
    {
      name: "the scanning block as a one-element list",
      stack: () => [repo("app", { imageScanningConfiguration: [{ scanOnPush: true }] })],
    },
    { name: "no repository", stack: () => [registry([rule("*")])] },
    { name: "enhanced scanning of every repository", stack: () => [repo("app"), registry([rule("*")])] },
    {
      name: "continuous scanning of a matching prefix",
      stack: () => [repo("team-app"), registry([rule("team-*", "CONTINUOUS_SCAN")])],
    },
    {
      name: "basic registry scanning on push with an exact filter",
      stack: () => [repo("app"), registry([rule("app")], "BASIC")],
    },
    {
      name: "a single rule object, not a list",
      stack: () => [repo("app"), registry(rule("a*"))],
    },
    {
      name: "an unnamed repository under a catch-all filter",
      stack: () => [{ type: REPO, name: "app", props: {} }, registry([rule("*")])],
    },
  ],
  fail: [
    {
      name: "scanOnPush unset and no registry scanning, blamed by URN",
      stack: () => [repo("app")],
      expect:
        /ECR repository "app" does not scan images on push \(imageScanningConfiguration.scanOnPush is unset/,
      urn: urnOf(REPO, "app"),
      count: 1,
    },
    {
      name: "scanOnPush false",
      stack: () => [repo("app", { imageScanningConfiguration: { scanOnPush: false } })],
      expect: /scanOnPush is false/,
    },
    {
      name: "a registry rule for other repositories",
      stack: () => [repo("app"), registry([rule("team-*")])],
      expect: /"app" does not scan images on push/,
    },
    {
      name: "a registry rule with manual scans only",
      stack: () => [repo("app"), registry([rule("*", "MANUAL")])],
      expect: /"app" does not scan/,
    },
    {
      name: "two repositories, one covered",
      stack: () => [repo("app", { imageScanningConfiguration: { scanOnPush: true } }), repo("tools")],
      expect: /"tools" does not scan/,
      urn: urnOf(REPO, "tools"),
      count: 1,
    },
    {
      name: "an unnamed repository and a prefix filter",
      stack: () => [{ type: REPO, name: "app", props: {} }, registry([rule("app*")])],
      expect: /"app" does not scan .*no explicit name for a filter other than \* to match/,
    },
    {
      name: "filter special characters are literal",
      stack: () => [repo("appx"), registry([rule("app.")])],
      expect: /"appx" does not scan/,
    },
  ],
  unknown: [
    {
      name: "scanOnPush unknown",
      stack: () => [repo("app", { imageScanningConfiguration: { scanOnPush: unknown } })],
    },
    { name: "registry rules unknown", stack: () => [repo("app"), registry(unknown)] },
    {
      name: "repository name unknown with a prefix filter",
      stack: () => [repo("app", { name: unknown }), registry([rule("a*")])],
    },
  ],
});

test("an unknown scan setting is an advisory note naming the repository", async () => {
  const vs = await runStackPolicy(ecrScanOnPush, [
    repo("app", { imageScanningConfiguration: { scanOnPush: unknown } }),
  ]);
  expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory", urn: urnOf(REPO, "app") })]);
  expect(vs[0].message).toMatch(/unknown during preview/);
});
