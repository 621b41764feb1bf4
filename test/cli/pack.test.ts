import { defaultProvider, findingText, providerResolver } from "../../cli/engine/pack";
import type { CheckResource } from "../../cli/engine/resource";

const S = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";
const res = (type: string, name: string, extra: Partial<CheckResource> = {}): CheckResource => ({
  urn: `urn:pulumi:dev::shop::${type}::${name}`,
  type,
  name,
  custom: !type.startsWith("paved:") && type !== "pulumi:pulumi:Stack",
  dependencies: [],
  properties: {},
  ...extra,
});

const config = {
  "aws:region": "eu-west-1",
  "aws:defaultTags": JSON.stringify({ tags: { owner: "team-shop" } }),
  "paved:appId": "shop",
};

describe("providers as the engine passes them", () => {
  test("a default provider's inputs are the package's stack config", () => {
    expect(defaultProvider("aws", config, S)).toEqual({
      type: "pulumi:providers:aws",
      urn: "urn:pulumi:dev::shop::pulumi:providers:aws::default",
      name: "default",
      inputs: { region: "eu-west-1", defaultTags: { tags: { owner: "team-shop" } } },
    });
  });

  test("an explicit provider comes from the records; others get their package's default; components none", () => {
    const explicit = res("pulumi:providers:aws", "west", { properties: { region: "us-west-2" } });
    const all = [
      res("pulumi:pulumi:Stack", "shop-dev"),
      explicit,
      res("aws:s3/bucket:Bucket", "pinned", {
        provider: `${explicit.urn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`,
      }),
      res("aws:s3/bucket:Bucket", "plain"),
      res("paved:aws:SegmentedNetwork", "core"),
    ];
    const provider = providerResolver(all, config);
    expect(provider(all[2])).toEqual({
      type: "pulumi:providers:aws",
      urn: explicit.urn,
      name: "west",
      inputs: { region: "us-west-2" },
    });
    expect(provider(all[3])?.inputs).toEqual({
      region: "eu-west-1",
      defaultTags: { tags: { owner: "team-shop" } },
    });
    expect(provider(all[4])).toBeUndefined();
    expect(provider(all[1])).toBeUndefined();
  });

  test("findingText keeps a message that does not start with the description", () => {
    expect(findingText("Description.\nthe finding", "Description.")).toBe("the finding");
    expect(findingText("Other text", "Description.")).toBe("Other text");
  });
});
