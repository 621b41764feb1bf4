/**
 * Which resources the governance transform may touch, and how. Pure: no
 * Pulumi runtime.
 *
 * AWS: a resource is taggable when its `Args` declare a `tags` map. The list
 * is generated from the pinned `@pulumi/aws` (see scan-taggable.ts) rather
 * than guessed, because adding `tags` to a type that lacks it fails the
 * provider's Check. Types not in the list are left alone, which is the safe
 * failure for a newer SDK. Explicitly not tagged:
 * - tag resources themselves (`aws:ec2/tag:Tag`, `aws:autoscaling/groupTag:GroupTag`,
 *   `aws:dynamodb/tag:Tag`, `aws:ecs/tag:Tag`): they *are* a tag, with `key`/`value`;
 * - attachments and policies with no tags (`aws:iam/rolePolicy:RolePolicy`, ...);
 * - providers (`pulumi:providers:aws`): their `defaultTags` are the user's choice;
 * - `aws:devopsguru/resourceCollection:ResourceCollection`, whose `tags` is a filter, not tags.
 * `aws:autoscaling/group:Group` takes tags as a list of `{ key, value, propagateAtLaunch }`:
 * governance tags are appended to it, propagated to the instances.
 *
 * Kubernetes: every object with `metadata` gets labels, except lists
 * (`*List`: ListMeta has no labels), server-side-apply patches (`*Patch`:
 * adding labels would take ownership of fields another manager owns), Helm
 * v3 `Release` (values, not an object), and the component wrappers
 * (`helm.sh/v4:Chart`, `yaml/v2:ConfigGroup`, `kustomize/v2:Directory`),
 * whose children are labelled one by one.
 */
import taggable from "./aws-taggable-types.json";

const MAP_TAGGED = new Set<string>((taggable as { types: string[] }).types);

/** The `@pulumi/aws` version the list was generated from. */
export const TAGGABLE_LIST_AWS_VERSION: string = (taggable as { awsVersion: string }).awsVersion;

/** The AppRegistry application: it never gets its own application tag (that would be a cycle). */
export const APPREGISTRY_APPLICATION_TYPE =
  "aws:servicecatalog/appregistryApplication:AppregistryApplication";

/** How a resource type takes governance metadata. */
export type MetadataShape = "awsTagMap" | "awsTagList" | "k8sLabels" | "none";

const K8S_COMPONENT_GROUPS = new Set(["helm.sh", "yaml", "kustomize"]);

/** Decides how a resource type takes governance metadata. Only custom resources are ever touched. */
export function metadataShape(type: string, custom: boolean): MetadataShape {
  if (!custom || type.startsWith("pulumi:")) return "none";
  if (type.startsWith("aws:")) {
    if (type === "aws:autoscaling/group:Group") return "awsTagList";
    return MAP_TAGGED.has(type) ? "awsTagMap" : "none";
  }
  if (type.startsWith("kubernetes:")) {
    const [, mod = "", kind = ""] = type.split(":");
    const group = mod.split("/")[0];
    if (K8S_COMPONENT_GROUPS.has(group)) return "none";
    if (kind.endsWith("List") || kind.endsWith("Patch")) return "none";
    return "k8sLabels";
  }
  return "none";
}

/** True when every value is a string: a tag or label map the transform can merge without waiting. */
export function isPlainStringMap(v: unknown): v is Record<string, string> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.getPrototypeOf(v) === Object.prototype &&
    Object.values(v).every((x) => typeof x === "string")
  );
}

/** One entry of an Auto Scaling group's `tags` list. */
export interface AsgTag {
  key: string;
  value: string;
  propagateAtLaunch: boolean;
}

/** Appends governance tags to an Auto Scaling group's tag list, keeping every key the user set. */
export function mergeAsgTags(existing: readonly AsgTag[] | undefined, add: Record<string, string>): AsgTag[] {
  const list = [...(existing ?? [])];
  const have = new Set(list.map((t) => t.key));
  for (const [key, value] of Object.entries(add)) {
    if (!have.has(key)) list.push({ key, value, propagateAtLaunch: true });
  }
  return list;
}
