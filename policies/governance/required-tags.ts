/**
 * Every taggable resource carries the governance tags (AWS) or labels
 * (Kubernetes, under `paved.dev/`), with `change-ticket` in prod. Which types
 * take tags, and in which shape, is the stack transform's decision
 * (`components/aws/registration/taggable.ts`): one answer for "what gets
 * tagged" and "what must be tagged".
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
import { asList, asRecord, asString } from "../lib/props";
import { rawProps } from "../lib/sdk";
import type { ResourceUnderCheck, StackContext } from "../lib/types";

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

/** The AWS provider's `defaultTags.tags` (providers may pass nested inputs as JSON strings). */
function providerDefaultTags(r: ResourceUnderCheck): Record<string, unknown> {
  if (!r.provider?.type.startsWith("pulumi:providers:aws")) return {};
  let dt: unknown = r.provider.props.defaultTags;
  if (typeof dt === "string") {
    try {
      dt = JSON.parse(dt);
    } catch {
      return {};
    }
  }
  return { ...asRecord(asRecord(dt)?.tags) };
}

/** The tags or labels a resource carries, as a flat map (an ASG's tag list is read as one). */
function currentKeys(r: ResourceUnderCheck, shape: Shape): Record<string, unknown> {
  switch (shape) {
    case "awsTagMap":
      return { ...providerDefaultTags(r), ...asRecord(r.props.tags) };
    case "awsTagList":
      return Object.fromEntries(
        asList(r.props.tags)
          .map(asRecord)
          .filter((t): t is Record<string, unknown> => t !== undefined)
          .map((t) => [asString(t.key) ?? "", t.value]),
      );
    case "k8sLabels":
      return { ...asRecord(asRecord(r.props.metadata)?.labels) };
    case "none":
      return {};
    default: {
      const never: never = shape;
      throw new Error(`unknown shape ${String(never)}`);
    }
  }
}

function environmentOf(
  stack: StackContext,
  keys: Record<string, unknown>,
  prefix: string,
): string | undefined {
  return stack.environment ?? asString(keys[`${prefix}environment`]);
}

function missing(
  r: ResourceUnderCheck,
  shape: Shape,
  stack: StackContext,
  config: RequiredTagsConfig,
): string[] {
  const prefix = shape === "k8sLabels" ? LABEL_PREFIX : "";
  const keys = currentKeys(r, shape);
  const env = environmentOf(stack, keys, prefix);
  const extra = config.additionalKeys
    .map((k) => prefix + k)
    .filter((k) => {
      const v = keys[k];
      return typeof v !== "string" || v.trim() === "";
    });
  return [...missingGovernanceKeys(keys, env, prefix), ...extra];
}

function applicableShape(r: ResourceUnderCheck, config: RequiredTagsConfig): Shape {
  if (config.skipTypes.includes(r.type)) return "none";
  return metadataShape(r.type, true);
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
  check(r, ctx) {
    const shape = applicableShape(r, ctx.config);
    if (shape === "none") return [];
    const gaps = missing(r, shape, ctx.stack, ctx.config);
    if (gaps.length === 0) return [];
    const what = shape === "k8sLabels" ? "labels" : "tags";
    return [
      {
        message: `missing ${what} ${gaps.join(", ")}; set them (the Paved stack transform or components do) or set paved:* stack config and run at level remediate`,
      },
    ];
  },
  remediate(r, ctx) {
    const shape = applicableShape(r, ctx.config);
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
