/**
 * The governance stack transform: governance tags on every taggable AWS
 * resource and `paved.dev/...` labels on every Kubernetes object in the
 * program, including the children of third-party components. It uses
 * `pulumi.runtime.registerResourceTransform` (the current `transforms` API),
 * so it sees every resource registered after it, whoever creates it.
 *
 * Rules: a tag or label the program set explicitly is never overwritten;
 * types that cannot take tags are left alone (see taggable.ts); in prod a
 * change ticket matching `paved:changeTicketPattern` is required.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../../core/errors";
import { Governance, governanceLabels, governanceTags, mergeKeepingFirst } from "../../core/governance";
import { resolveGovernance } from "../../core/config";
import {
  APPREGISTRY_APPLICATION_TYPE,
  AsgTag,
  isPlainStringMap,
  mergeAsgTags,
  metadataShape,
} from "./taggable";

/** Options for {@link registerGovernanceTransform}. */
export interface GovernanceTransformOptions {
  /** Governance metadata; fields given here override the `paved:*` stack config. @default from stack config */
  governance?: Partial<Governance>;
  /**
   * Tags added to every taggable AWS resource after the governance tags, for
   * example the AppRegistry `awsApplication` tag. Never added to an AppRegistry
   * application itself. @default none
   */
  extraTags?: ExtraTags;
}

/**
 * Tags added after the governance tags: a map, or (better) a plain record whose values may be
 * Outputs. A plain record keeps every other tag known during a preview: only the value that is not
 * known yet (the AppRegistry `awsApplication` ARN) is unknown, so policies still read the rest.
 */
export type ExtraTags = pulumi.Input<Record<string, string>> | Record<string, pulumi.Input<string>>;

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** The name used in messages for the transform's validation errors. */
export const TRANSFORM_COMPONENT = "GovernanceTransform";

/**
 * Props reach a transform in their wire form: a secret arrives as
 * `{ <sig>: <secret sig>, value }` (see the SDK's rpc.ts), an unknown as
 * `pulumi.unknown` during preview. Merge inside the secret and keep it secret.
 */
function keepingSecret<T>(v: unknown, merge: (plain: unknown) => pulumi.Input<T>): pulumi.Input<T> {
  if (pulumi.runtime.isRpcSecret(v)) {
    return pulumi.secret(merge(pulumi.runtime.unwrapRpcSecret(v))) as pulumi.Input<T>;
  }
  return merge(v);
}

function mergeTags(
  existing: unknown,
  tags: Record<string, string>,
  extra: ExtraTags | undefined,
): pulumi.Input<Record<string, string>> {
  return keepingSecret(existing, (e) => {
    const plainExisting = e === undefined || e === null || isPlainStringMap(e);
    if (plainExisting && extra === undefined) {
      return mergeKeepingFirst(e ?? undefined, tags);
    }
    if (plainExisting && isPlainRecord(extra) && !pulumi.Output.isInstance(extra)) {
      // Per-key merge, no apply over the whole map: the program's own tags win, then the governance
      // tags, then the extra tags (whose values may still be unknown in a preview).
      const merged: Record<string, pulumi.Input<string>> = mergeKeepingFirst(e ?? undefined, tags);
      for (const [k, v] of Object.entries(extra)) if (!(k in merged)) merged[k] = v as pulumi.Input<string>;
      return merged as pulumi.Input<Record<string, string>>;
    }
    return pulumi
      .all([
        e as pulumi.Input<Record<string, string> | undefined>,
        extra as pulumi.Input<Record<string, string>>,
      ])
      .apply(([t, x]) => mergeKeepingFirst(t ?? undefined, tags, x));
  });
}

function mergeAsg(
  existing: unknown,
  tags: Record<string, string>,
  extra: ExtraTags | undefined,
): pulumi.Input<AsgTag[]> {
  return keepingSecret(existing, (e) =>
    pulumi
      .all([
        e as pulumi.Input<AsgTag[] | undefined>,
        extra as pulumi.Input<Record<string, string>> | undefined,
      ])
      .apply(([t, x]) => mergeAsgTags(t ?? undefined, mergeKeepingFirst(tags, x))),
  );
}

function mergeLabels(
  metadata: unknown,
  labels: Record<string, string>,
): pulumi.Input<Record<string, unknown>> {
  const merge = (m: Record<string, unknown> | undefined) => ({
    ...(m ?? {}),
    labels: mergeKeepingFirst(m?.labels as Record<string, string> | undefined, labels),
  });
  return keepingSecret(metadata, (m) => {
    const plain =
      m === undefined ||
      (typeof m === "object" &&
        m !== null &&
        Object.getPrototypeOf(m) === Object.prototype &&
        ((m as { labels?: unknown }).labels === undefined ||
          isPlainStringMap((m as { labels?: unknown }).labels)));
    if (plain) return merge(m as Record<string, unknown> | undefined);
    return pulumi.output(m as pulumi.Input<Record<string, unknown>>).apply((x) => merge(x));
  });
}

/**
 * The transform itself, for a resolved governance. Exported for tests and for
 * callers who register it as a resource-level `transforms` option on one
 * component tree instead of the whole stack.
 */
export function governanceTransform(gov: Governance, extraTags?: ExtraTags): pulumi.ResourceTransform {
  const tags = governanceTags(gov);
  const labels = governanceLabels(gov);
  return (args) => {
    const shape = metadataShape(args.type, args.custom);
    const extra = args.type === APPREGISTRY_APPLICATION_TYPE ? undefined : extraTags;
    switch (shape) {
      case "none":
        return undefined;
      case "awsTagMap":
        return { props: { ...args.props, tags: mergeTags(args.props.tags, tags, extra) }, opts: args.opts };
      case "awsTagList":
        return { props: { ...args.props, tags: mergeAsg(args.props.tags, tags, extra) }, opts: args.opts };
      case "k8sLabels":
        return {
          props: { ...args.props, metadata: mergeLabels(args.props.metadata, labels) },
          opts: args.opts,
        };
      default: {
        const never: never = shape;
        throw new Error(`unhandled metadata shape ${String(never)}`);
      }
    }
  };
}

/** True when `pattern` compiles as a regular expression. */
export function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates governance (in prod, a change ticket in the configured format is
 * required) and registers the transform for every resource created after
 * this call. Call it at the top of the program. Returns the governance used.
 */
export function registerGovernanceTransform(opts: GovernanceTransformOptions = {}): Governance {
  const problems = new Problems(TRANSFORM_COMPONENT, pulumi.getStack());
  const gov = resolveLabelGovernance(problems, opts.governance);
  problems.throwIfAny();
  pulumi.runtime.registerResourceTransform(governanceTransform(gov as Governance, opts.extraTags));
  return gov as Governance;
}

/**
 * Resolves governance for tags and labels into `problems`. Checks first that
 * `paved:changeTicketPattern` compiles (a broken pattern would otherwise
 * surface as a SyntaxError); returns undefined when it does not.
 */
export function resolveLabelGovernance(
  problems: Problems,
  given: Partial<Governance> | undefined,
): Governance | undefined {
  const pattern = new pulumi.Config("paved").get("changeTicketPattern");
  if (pattern !== undefined && !isValidPattern(pattern)) {
    problems.add(
      "paved:changeTicketPattern",
      `"${pattern}" is not a valid regular expression`,
      "fix the pattern, for example ^(CHG|INC)-\\d+$",
      "PAVED_CHANGE_TICKET_PATTERN_INVALID",
    );
    return undefined;
  }
  return resolveGovernance(problems, given, { asLabels: true });
}
