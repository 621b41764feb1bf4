/**
 * Every taggable resource carries the governance tags (AWS) or labels
 * (Kubernetes, under `paved.dev/`), with `change-ticket` in prod. Which types
 * take tags, and in which shape, is the stack transform's decision
 * (`components/aws/registration/taggable.ts`): one answer for "what gets
 * tagged" and "what must be tagged".
 *
 * Per-object resources are not asked for governance tags (`PER_OBJECT_TYPES`):
 * the provider lets them carry tags (they are in the taggable list), but those
 * tags describe one object or one version, not an owned, billed resource: S3
 * object tags (up to 10 per object, used for lifecycle and replication
 * filters; the bucket carries the governance tags and the cost), an Elastic
 * Beanstalk application version and an App Runner auto scaling configuration
 * revision (the application and the service carry them). The transform still
 * tags them; this policy does not require it. `skipTypes` adds more.
 *
 * During a preview, a tag value not known yet (the AppRegistry
 * `awsApplication` tag, a value built from another resource's output) does
 * not stop the check: the known required keys are checked, and each required
 * key whose value is unknown gets an advisory note. Only a tag map unknown as
 * a whole skips the resource.
 *
 * The environment is the stack's `paved:environment`, else the resource's own
 * `environment` tag. AWS provider `defaultTags` count when the engine passes
 * the provider. At level `remediate`, missing keys are filled in from the
 * stack's `paved:*` config (appId, owner, costCenter, dataClassification,
 * environment, changeTicket); keys the config lacks stay reported.
 */
import { LABEL_PREFIX, TAG_KEYS, missingGovernanceKeys } from "../../components/core/governance";
import { metadataShape } from "../../components/aws/registration/taggable";
import { defineResourcePolicy } from "../lib/define";
import { nist80053 } from "../lib/frameworks";
import { asList, asRecord, asString, isUnknownValueError } from "../lib/props";
import { rawProps } from "../lib/sdk";
import type { Finding, ResourceUnderCheck, StackContext } from "../lib/types";

/** Config of {@link requiredTags}. */
export interface RequiredTagsConfig {
  /** Keys required in addition to the core's (without the label prefix). */
  readonly additionalKeys: readonly string[];
  /** Types never checked (for example a type whose tags another tool manages). */
  readonly skipTypes: readonly string[];
}

/** The tag key for each `paved:*` stack config field, for remediation. */
const FIELD_BY_KEY: Record<string, string> = Object.fromEntries(
  Object.entries(TAG_KEYS).map(([field, key]) => [key, field]),
);

type Shape = ReturnType<typeof metadataShape>;

/**
 * Taggable types whose tags describe one object or one version, not an owned
 * resource: not asked for governance tags (see the file comment). Each is in
 * the provider's taggable list (a test holds it to that).
 */
export const PER_OBJECT_TYPES: readonly string[] = [
  "aws:s3/bucketObject:BucketObject",
  "aws:s3/bucketObjectv2:BucketObjectv2",
  "aws:s3/objectCopy:ObjectCopy",
  "aws:elasticbeanstalk/applicationVersion:ApplicationVersion",
  "aws:apprunner/autoScalingConfigurationVersion:AutoScalingConfigurationVersion",
];

/** A stand-in for a required value not known until apply: present for the gap count, noted apart. */
const UNKNOWN_VALUE = "\u0000unknown";

const NO_TAGS: Readonly<Record<string, unknown>> = Object.freeze({});
/** Per provider inputs object: many resources share one provider. */
const providerTags = new WeakMap<object, Readonly<Record<string, unknown>>>();

/** The AWS provider's `defaultTags.tags` (providers may pass nested inputs as JSON strings). */
function providerDefaultTags(r: ResourceUnderCheck): Readonly<Record<string, unknown>> {
  if (!r.provider?.type.startsWith("pulumi:providers:aws")) return NO_TAGS;
  const props = r.provider.props;
  let tags = providerTags.get(props);
  if (!tags) {
    tags = readDefaultTags(props.defaultTags);
    providerTags.set(props, tags);
  }
  return tags;
}

function readDefaultTags(dt: unknown): Readonly<Record<string, unknown>> {
  if (typeof dt === "string") {
    try {
      dt = JSON.parse(dt);
    } catch {
      return NO_TAGS;
    }
  }
  return Object.freeze({ ...asRecord(asRecord(dt)?.tags) });
}

/**
 * Reads one tag or label of a resource (an ASG's tag list is read as a map).
 * Only the keys asked for are read, so a value unknown during preview stops
 * the check only when it is one the check needs.
 */
function tagReader(r: ResourceUnderCheck, shape: Shape): (key: string) => unknown {
  switch (shape) {
    case "awsTagMap": {
      const defaults = providerDefaultTags(r);
      const own = asRecord(r.props.tags);
      // The resource's own tags win over the provider's defaults.
      return (k) => (own !== undefined && k in own ? own[k] : defaults[k]);
    }
    case "awsTagList": {
      // Values are read when asked for, so one unknown value stops only its own key.
      const map = new Map<string, () => unknown>();
      for (const t of asList(r.props.tags)) {
        const tag = asRecord(t);
        if (tag !== undefined) map.set(asString(tag.key) ?? "", () => tag.value);
      }
      return (k) => map.get(k)?.();
    }
    case "k8sLabels": {
      const labels = asRecord(asRecord(r.props.metadata)?.labels);
      return (k) => labels?.[k];
    }
    case "none":
      return () => undefined;
    default: {
      const never: never = shape;
      throw new Error(`unknown shape ${String(never)}`);
    }
  }
}

function missing(
  r: ResourceUnderCheck,
  shape: Shape,
  stack: StackContext,
  config: RequiredTagsConfig,
  unknownKeys: string[] = [],
): string[] {
  const prefix = shape === "k8sLabels" ? LABEL_PREFIX : "";
  const reader = tagReader(r, shape);
  // One value unknown during preview stands for itself only: the other keys are still checked.
  const read = (k: string): unknown => {
    try {
      return reader(k);
    } catch (e) {
      if (!isUnknownValueError(e)) throw e;
      if (!unknownKeys.includes(k)) unknownKeys.push(k);
      return UNKNOWN_VALUE;
    }
  };
  const envTag = asString(read(`${prefix}environment`));
  const env = stack.environment ?? (envTag === UNKNOWN_VALUE ? undefined : envTag);
  const gaps = missingGovernanceKeys(read, env, prefix);
  for (const k of config.additionalKeys) {
    const v = read(prefix + k);
    if (typeof v !== "string" || v.trim() === "") gaps.push(prefix + k);
  }
  return gaps;
}

function applicableShape(type: string, config: RequiredTagsConfig): Shape {
  if ((config.skipTypes ?? []).includes(type) || PER_OBJECT_TYPES.includes(type)) return "none";
  return metadataShape(type, true);
}

export const requiredTags = defineResourcePolicy<RequiredTagsConfig>({
  name: "paved-required-tags",
  description:
    "Taggable resources carry the governance tags (AWS) or paved.dev/ labels (Kubernetes), with change-ticket in prod.",
  category: "governance",
  severity: "medium",
  defaultLevel: "mandatory",
  remediation: [
    "Set the stack's governance config: `pulumi config set paved:appId ...` (owner, costCenter, dataClassification, environment; changeTicket in prod).",
    "Create resources through Paved components or register the Paved stack transform, which tag every resource.",
    "Or run the pack with this policy at level `remediate`: it adds the missing keys from the stack config.",
  ],
  frameworks: [nist80053("CM-8")],
  configSchema: {
    properties: {
      additionalKeys: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description: "Tag keys required in addition to the core set (labels get the paved.dev/ prefix).",
      },
      skipTypes: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description: "Resource types this policy does not check.",
      },
    },
  },
  appliesTo: (type, config) => applicableShape(type, config) !== "none",
  check(r, ctx) {
    const shape = applicableShape(r.type, ctx.config);
    if (shape === "none") return [];
    const unknownKeys: string[] = [];
    const gaps = missing(r, shape, ctx.stack, ctx.config, unknownKeys);
    const what = shape === "k8sLabels" ? "labels" : "tags";
    const out: Finding[] = [];
    if (gaps.length > 0) {
      out.push({
        message: `missing ${what} ${gaps.join(", ")}; set them (the Paved stack transform or components do) or set paved:* stack config and run at level remediate`,
      });
    }
    if (unknownKeys.length > 0) {
      out.push({
        advisory: true,
        message: `${what.slice(0, -1)} ${unknownKeys.join(", ")} ${unknownKeys.length === 1 ? "is" : "are"} not known until apply, so ${unknownKeys.length === 1 ? "it is" : "they are"} checked again on update (the other required ${what} were checked)`,
      });
    }
    return out;
  },
  remediate(r, ctx) {
    const shape = applicableShape(r.type, ctx.config);
    if (shape === "none") return undefined;
    const prefix = shape === "k8sLabels" ? LABEL_PREFIX : "";
    const add: Record<string, string> = {};
    for (const key of missing(r, shape, ctx.stack, ctx.config)) {
      const value = ctx.stack.paved[FIELD_BY_KEY[key.slice(prefix.length)] ?? ""];
      if (typeof value === "string" && value !== "") add[key] = value;
    }
    if (Object.keys(add).length === 0) return undefined;
    const props = rawProps(r.props);
    switch (shape) {
      case "awsTagMap":
        return { ...props, tags: { ...asRecord(props.tags), ...add } };
      case "awsTagList":
        return {
          ...props,
          tags: [
            ...asList(props.tags),
            ...Object.entries(add).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
          ],
        };
      case "k8sLabels": {
        const metadata = asRecord(props.metadata) ?? {};
        return { ...props, metadata: { ...metadata, labels: { ...asRecord(metadata.labels), ...add } } };
      }
      default: {
        const never: never = shape;
        throw new Error(`unknown shape ${String(never)}`);
      }
    }
  },
});
