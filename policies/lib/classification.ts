/**
 * How sensitive a resource's data is, and whether a KMS key is a customer
 * managed one: for the policies that require a customer managed key only
 * where the data is confidential or restricted.
 *
 * The classification is the resource's own `data-classification` tag, else the
 * AWS provider's `defaultTags`, else the stack's `paved:dataClassification`
 * config (what Paved components tag with). A resource with none of these is
 * unclassified: `paved-required-tags` reports the missing tag.
 */
import { DATA_CLASSIFICATIONS, TAG_KEYS } from "../../components/core/governance";
import { asRecord, asString, peek } from "./props";
import type { PolicyConfigSchema, ResourceUnderCheck, StackContext } from "./types";

/** Where a classification was read. */
export type ClassificationSource = "tag" | "provider defaultTags" | "stack config";

/** A resource's data classification, lower-cased, and where it came from. */
export interface Classification {
  readonly value: string;
  readonly source: ClassificationSource;
}

/** The config of a policy that wants a customer managed key for sensitive data. */
export interface CustomerKeyConfig {
  /** Classifications whose data must be encrypted with a customer managed key. */
  readonly sensitiveClassifications: readonly string[];
}

/** The configSchema of {@link CustomerKeyConfig}. */
export const CUSTOMER_KEY_SCHEMA: PolicyConfigSchema = {
  properties: {
    sensitiveClassifications: {
      type: "array",
      items: { type: "string", enum: [...DATA_CLASSIFICATIONS] },
      uniqueItems: true,
      default: ["confidential", "restricted"],
      description:
        "Values of the data-classification tag (or paved:dataClassification) whose data must use a customer managed KMS key.",
    },
  },
};

const KEY = TAG_KEYS.dataClassification;

/** The provider's `defaultTags.tags` (the engine may pass nested provider inputs as a JSON string). */
function providerDefaultTag(r: ResourceUnderCheck): unknown {
  if (!r.provider?.type.startsWith("pulumi:providers:aws")) return undefined;
  let dt: unknown = r.provider.props.defaultTags;
  if (typeof dt === "string") {
    try {
      dt = JSON.parse(dt);
    } catch {
      return undefined;
    }
  }
  return asRecord(asRecord(dt)?.tags)?.[KEY];
}

function nonEmpty(v: unknown): string | undefined {
  const s = asString(v)?.trim();
  return s ? s.toLowerCase() : undefined;
}

/**
 * The resource's data classification, or undefined when nothing sets one.
 * A tag value unknown during preview throws (the policy is reported skipped).
 */
export function dataClassification(r: ResourceUnderCheck, stack: StackContext): Classification | undefined {
  const own = nonEmpty(asRecord(r.props.tags)?.[KEY]);
  if (own) return { value: own, source: "tag" };
  const byProvider = nonEmpty(providerDefaultTag(r));
  if (byProvider) return { value: byProvider, source: "provider defaultTags" };
  const byStack = nonEmpty(stack.paved.dataClassification);
  if (byStack) return { value: byStack, source: "stack config" };
  return undefined;
}

/**
 * True when data of this classification needs a customer managed key: a
 * listed sensitive value, or a value that is not one of Paved's known
 * classifications (fail closed: an unrecognised label may mean anything).
 */
export function isSensitive(c: Classification | undefined, sensitive: readonly string[]): boolean {
  if (!c) return false;
  if (sensitive.includes(c.value)) return true;
  return !(DATA_CLASSIFICATIONS as readonly string[]).includes(c.value);
}

/** `data-classification "confidential" (tag)`: for messages. */
export function describeClassification(c: Classification): string {
  return `data-classification "${c.value}" (${c.source})`;
}

/** What a KMS key input names. */
export type KeyKind = "customer" | "aws-managed" | "none";

/** An AWS managed key is named by its `alias/aws/<service>` alias, bare or in an ARN. */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//i;

/**
 * What kind of key an input names. A value unknown during preview is the
 * output of another resource (a `kms.Key`'s ARN): AWS managed keys are named
 * by literal aliases, so it counts as a customer key.
 */
export function keyKind(read: () => unknown): KeyKind {
  if (isPending(read)) return "customer";
  const s = asString(read())?.trim();
  if (!s) return "none";
  return AWS_MANAGED_ALIAS.test(s) ? "aws-managed" : "customer";
}

/** True when an input is unknown during preview (set to another resource's output). */
export function isPending(read: () => unknown): boolean {
  return peek(() => (read(), false)) ?? true;
}
