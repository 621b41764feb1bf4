import taggable from "../../../components/aws/registration/aws-taggable-types.json";
import {
  installedAwsPackageDir,
  scanTaggableTypes,
} from "../../../components/aws/registration/scan-taggable";
import {
  isPlainStringMap,
  mergeAsgTags,
  metadataShape,
  TAGGABLE_LIST_AWS_VERSION,
} from "../../../components/aws/registration/taggable";
import * as fs from "fs";
import * as path from "path";

describe("the generated list of taggable AWS types", () => {
  const scan = scanTaggableTypes(installedAwsPackageDir());

  test("matches the installed @pulumi/aws (regenerate with scan-taggable.ts when this fails)", () => {
    const version = (
      JSON.parse(fs.readFileSync(path.join(installedAwsPackageDir(), "package.json"), "utf8")) as {
        version: string;
      }
    ).version;
    expect(TAGGABLE_LIST_AWS_VERSION).toBe(version);
    expect(taggable.types).toEqual(scan.map);
  });

  test("is large and sorted, and the only non-map tags are the ones handled or excluded on purpose", () => {
    expect(scan.map.length).toBeGreaterThan(500);
    expect([...scan.map].sort()).toEqual(scan.map);
    expect(Object.keys(scan.other).sort()).toEqual([
      "aws:autoscaling/group:Group",
      "aws:devopsguru/resourceCollection:ResourceCollection",
    ]);
  });
});

describe("metadataShape", () => {
  test.each<[string, boolean, string]>([
    ["aws:s3/bucket:Bucket", true, "awsTagMap"],
    ["aws:iam/role:Role", true, "awsTagMap"],
    ["aws:ec2/vpc:Vpc", true, "awsTagMap"],
    ["aws:servicecatalog/appregistryApplication:AppregistryApplication", true, "awsTagMap"],
    ["aws:autoscaling/group:Group", true, "awsTagList"],
    ["aws:ec2/tag:Tag", true, "none"],
    ["aws:autoscaling/groupTag:GroupTag", true, "none"],
    ["aws:dynamodb/tag:Tag", true, "none"],
    ["aws:iam/rolePolicy:RolePolicy", true, "none"],
    ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", true, "none"],
    ["aws:s3/bucketPolicy:BucketPolicy", true, "none"],
    ["aws:devopsguru/resourceCollection:ResourceCollection", true, "none"],
    ["aws:someservice/futureThing:FutureThing", true, "none"],
    ["pulumi:providers:aws", true, "none"],
    ["pulumi:providers:kubernetes", true, "none"],
    ["paved:aws:LeastPrivilegeRole", false, "none"],
    ["aws:s3/bucket:Bucket", false, "none"],
    ["kubernetes:core/v1:Namespace", true, "k8sLabels"],
    ["kubernetes:apps/v1:Deployment", true, "k8sLabels"],
    ["kubernetes:cert-manager.io/v1:Certificate", true, "k8sLabels"],
    ["kubernetes:core/v1:ConfigMapList", true, "none"],
    ["kubernetes:apps/v1:DeploymentPatch", true, "none"],
    ["kubernetes:helm.sh/v3:Release", true, "none"],
    ["kubernetes:helm.sh/v4:Chart", false, "none"],
    ["kubernetes:yaml/v2:ConfigGroup", false, "none"],
    ["random:index/randomPet:RandomPet", true, "none"],
  ])("%s (custom %s) -> %s", (type, custom, shape) => {
    expect(metadataShape(type, custom)).toBe(shape);
  });
});

describe("mergeAsgTags", () => {
  test("appends missing keys with propagateAtLaunch and keeps the user's entries", () => {
    expect(
      mergeAsgTags([{ key: "owner", value: "me", propagateAtLaunch: false }], {
        owner: "team",
        "app-id": "a",
      }),
    ).toEqual([
      { key: "owner", value: "me", propagateAtLaunch: false },
      { key: "app-id", value: "a", propagateAtLaunch: true },
    ]);
    expect(mergeAsgTags(undefined, { a: "b" })).toEqual([{ key: "a", value: "b", propagateAtLaunch: true }]);
  });
});

describe("isPlainStringMap", () => {
  test.each<[unknown, boolean]>([
    [{ a: "b" }, true],
    [{}, true],
    [{ a: 1 }, false],
    [["a"], false],
    [null, false],
    [new Map(), false],
  ])("%p -> %s", (v, expected) => expect(isPlainStringMap(v)).toBe(expected));
});
