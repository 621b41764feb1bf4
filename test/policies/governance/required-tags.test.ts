import { metadataShape } from "../../../components/aws/registration/taggable";
import { PER_OBJECT_TYPES, requiredTags } from "../../../policies/governance/required-tags";
import { describePolicyTable, runPolicy, runRemediation, unknown } from "../harness";

const TAGS = {
  "app-id": "payments",
  owner: "team-payments",
  "cost-center": "cc-1",
  "data-classification": "internal",
  environment: "dev",
};
const LABELS = Object.fromEntries(Object.entries(TAGS).map(([k, v]) => [`paved.dev/${k}`, v]));
const DEV = { stackConfig: { environment: "dev" } };
const PROD = { stackConfig: { environment: "prod" } };
const deployment = (labels: Record<string, string>) => ({
  type: "kubernetes:apps/v1:Deployment",
  props: { metadata: { name: "api", labels }, spec: { replicas: 2 } },
});

describePolicyTable(requiredTags, {
  base: { type: "aws:s3/bucket:Bucket", props: { bucket: "payments-data", tags: TAGS } },
  options: DEV,
  pass: [
    {
      name: "a type that takes no tags",
      fixture: { type: "aws:iam/rolePolicy:RolePolicy", props: { role: "r", policy: "{}" } },
    },
    {
      name: "prod with a change ticket",
      patch: { tags: { ...TAGS, environment: "prod", "change-ticket": "CHG-1" } },
      options: PROD,
    },
    { name: "a Kubernetes object with the paved.dev/ labels", fixture: deployment(LABELS) },
    {
      name: "tags from the AWS provider's defaultTags (a JSON string, as providers send nested inputs)",
      patch: { tags: { owner: "team-payments" } },
      fixture: {
        type: "aws:s3/bucket:Bucket",
        props: { bucket: "b", tags: { owner: "team-payments" } },
        provider: {
          type: "pulumi:providers:aws",
          urn: "urn:pulumi:test::paved::pulumi:providers:aws::default",
          name: "default",
          inputs: { defaultTags: JSON.stringify({ tags: TAGS }) },
        },
      },
    },
    {
      name: "a skipped type",
      patch: { tags: undefined },
      options: { ...DEV, config: { skipTypes: ["aws:s3/bucket:Bucket"] } },
    },
    {
      name: "a component wrapper such as a Helm chart",
      fixture: { type: "kubernetes:helm.sh/v4:Chart", props: { chart: "x" } },
    },
    {
      name: "a tag the policy does not need is unknown during preview (only required keys are read)",
      patch: { tags: { ...TAGS, "build-id": unknown } },
    },
    {
      name: "the resource's own tag wins over the provider default, even when the default is blank",
      fixture: {
        type: "aws:s3/bucket:Bucket",
        props: { bucket: "b", tags: TAGS },
        provider: {
          type: "pulumi:providers:aws",
          urn: "urn:pulumi:test::paved::pulumi:providers:aws::default",
          name: "default",
          inputs: { defaultTags: { tags: { owner: " " } } },
        },
      },
    },
  ],
  fail: [
    {
      name: "owner missing",
      patch: { tags: { ...TAGS, owner: undefined } },
      expect: /missing tags owner;/,
      count: 1,
    },
    {
      name: "a blank value counts as missing",
      patch: { tags: { ...TAGS, "cost-center": " " } },
      expect: /missing tags cost-center/,
    },
    {
      name: "no tags at all",
      patch: { tags: undefined },
      expect: /missing tags app-id, owner, cost-center, data-classification, environment/,
    },
    {
      name: "prod requires change-ticket",
      patch: { tags: { ...TAGS, environment: "prod" } },
      options: PROD,
      expect: /missing tags change-ticket/,
    },
    {
      name: "prod read from the resource's own environment tag when the stack does not say",
      patch: { tags: { ...TAGS, environment: "prod" } },
      options: { stackConfig: {} },
      expect: /missing tags change-ticket/,
    },
    {
      name: "a Deployment without labels",
      fixture: deployment({}),
      expect: /missing labels paved\.dev\/app-id/,
    },
    {
      name: "an Auto Scaling group's tag list",
      fixture: {
        type: "aws:autoscaling/group:Group",
        props: { maxSize: 1, minSize: 1, tags: [{ key: "owner", value: "t", propagateAtLaunch: true }] },
      },
      expect: /missing tags app-id, cost-center/,
    },
    {
      name: "a blank own tag is not rescued by the provider default",
      fixture: {
        type: "aws:s3/bucket:Bucket",
        props: { bucket: "b", tags: { ...TAGS, owner: "" } },
        provider: {
          type: "pulumi:providers:aws",
          urn: "urn:pulumi:test::paved::pulumi:providers:aws::default",
          name: "default",
          inputs: { defaultTags: { tags: { owner: "team-payments" } } },
        },
      },
      expect: /missing tags owner;/,
    },
    {
      name: "an additional key from config",
      options: { ...DEV, config: { additionalKeys: ["service-tier"] } },
      expect: /missing tags service-tier/,
    },
  ],
  unknown: [
    { name: "the tag map unknown", patch: { tags: unknown } },
    { name: "one tag value unknown", patch: { tags: { ...TAGS, owner: unknown } } },
    {
      name: "the AppRegistry tag and one required key unknown",
      patch: { tags: { ...TAGS, awsApplication: unknown, environment: unknown } },
    },
  ],
});

describe("preview: one unknown tag value", () => {
  const bucket = (tags: Record<string, unknown>) => ({
    type: "aws:s3/bucket:Bucket",
    props: { bucket: "b", tags },
  });

  test("an unknown AppRegistry tag does not stop the check: a missing key is still a violation", async () => {
    const { owner: _owner, ...rest } = TAGS;
    const vs = await runPolicy(requiredTags, bucket({ ...rest, awsApplication: unknown }), DEV);
    expect(vs.map((v) => [v.enforcementLevel, v.message.replace(/^.*?: /, "")])).toEqual([
      ["mandatory", expect.stringMatching(/missing tags owner;/)],
    ]);
  });

  test("a required key unknown is noted alone; the known keys are checked", async () => {
    const { "cost-center": _cc, ...rest } = TAGS;
    const vs = await runPolicy(requiredTags, bucket({ ...rest, owner: unknown }), DEV);
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory", "advisory"]);
    expect(vs[0].message).toMatch(/missing tags cost-center;/);
    expect(vs[1].message).toMatch(/tag owner is not known until apply, so it is checked again on update/);
  });

  test("an Auto Scaling group's tag list: one unknown value is noted, the others checked", async () => {
    const list = Object.entries({ ...TAGS, owner: unknown }).map(([key, value]) => ({
      key,
      value,
      propagateAtLaunch: true,
    }));
    const vs = await runPolicy(
      requiredTags,
      { type: "aws:autoscaling/group:Group", props: { maxSize: 1, minSize: 1, tags: list } },
      DEV,
    );
    expect(vs.map((v) => [v.enforcementLevel, /tag owner is not known/.test(v.message)])).toEqual([
      ["advisory", true],
    ]);
  });

  test("a Kubernetes label unknown is noted as a label", async () => {
    const vs = await runPolicy(
      requiredTags,
      deployment({ ...LABELS, "paved.dev/owner": unknown } as Record<string, string>),
      DEV,
    );
    expect(
      vs.map((v) => [v.enforcementLevel, /label paved.dev\/owner is not known/.test(v.message)]),
    ).toEqual([["advisory", true]]);
  });
});

describe("per-object types", () => {
  test.each(PER_OBJECT_TYPES)(
    "%s is in the provider's taggable list but not asked for tags",
    async (type) => {
      expect(metadataShape(type, true)).toBe("awsTagMap");
      expect(await runPolicy(requiredTags, { type, props: { bucket: "b", key: "k" } }, DEV)).toEqual([]);
    },
  );
});

describe("remediation from the stack's paved:* config", () => {
  const stackConfig = {
    environment: "prod",
    appId: "payments",
    owner: "team-payments",
    costCenter: "cc-1",
    dataClassification: "internal",
    changeTicket: "CHG-42",
  };

  test("adds the missing tags and keeps the user's own and the other inputs", async () => {
    const fixed = await runRemediation(
      requiredTags,
      { type: "aws:s3/bucket:Bucket", props: { bucket: "b", tags: { owner: "me" } } },
      { stackConfig },
    );
    expect(fixed).toEqual({
      bucket: "b",
      tags: {
        owner: "me",
        "app-id": "payments",
        "cost-center": "cc-1",
        "data-classification": "internal",
        environment: "prod",
        "change-ticket": "CHG-42",
      },
    });
  });

  test("adds labels to a Kubernetes object's metadata", async () => {
    const fixed = await runRemediation(requiredTags, deployment({ app: "api" }), { stackConfig });
    expect((fixed?.metadata as { labels: Record<string, string> }).labels).toEqual({
      app: "api",
      ...Object.fromEntries(
        Object.entries(stackConfig).map(([k, v]) => [
          `paved.dev/${{ appId: "app-id", costCenter: "cost-center", dataClassification: "data-classification", changeTicket: "change-ticket" }[k] ?? k}`,
          v,
        ]),
      ),
    });
  });

  test("appends to an Auto Scaling group's tag list, propagated at launch", async () => {
    const fixed = await runRemediation(
      requiredTags,
      { type: "aws:autoscaling/group:Group", props: { maxSize: 1, minSize: 1 } },
      { stackConfig: { environment: "dev", appId: "a" } },
    );
    expect(fixed?.tags).toEqual([
      { key: "app-id", value: "a", propagateAtLaunch: true },
      { key: "environment", value: "dev", propagateAtLaunch: true },
    ]);
  });

  test("returns nothing when the stack config has none of the missing values", async () => {
    expect(
      await runRemediation(
        requiredTags,
        { type: "aws:s3/bucket:Bucket", props: { bucket: "b" } },
        { stackConfig: {} },
      ),
    ).toBeUndefined();
  });

  test("keeps an unknown input elsewhere in the resource", async () => {
    const fixed = await runRemediation(
      requiredTags,
      { type: "aws:s3/bucket:Bucket", props: { bucket: unknown, tags: {} } },
      { stackConfig },
    );
    expect(fixed?.tags).toMatchObject({ "app-id": "payments" });
    expect(fixed).toHaveProperty("bucket");
  });

  test("what the stack config cannot fill is still reported at level remediate, as mandatory", async () => {
    const vs = await runPolicy(
      requiredTags,
      { type: "aws:s3/bucket:Bucket", props: { bucket: "b" } },
      { stackConfig: { environment: "dev" }, config: { enforcementLevel: "remediate" } },
    );
    expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "mandatory" })]);
  });
});
