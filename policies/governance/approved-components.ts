/**
 * Resources of protected types (VPCs, IAM roles, EBS volumes by default) are
 * created through an approved component: a genuine Paved component, or one of
 * the organisation's own (config `approvedPrefixes`). The URN carries the
 * parent chain (`paved:aws:SanVolume$aws:ebs/volume:Volume`), so a resource
 * policy can see it.
 *
 * Not spoofable by a name: a parent type that merely starts with `paved:`
 * (`paved:x:Anything`, a user's own `paved:aws:SegmentedNetwork` look-alike is
 * caught by the stamp) is not enough. A genuine Paved parent
 * - has a type token from the registry of Paved components
 *   (`components/core/component-types.ts`, tested against every
 *   ComponentResource class), and
 * - stamped the resource: a taggable AWS resource carries `paved:pattern`
 *   (the component's name) and `paved:version`, a Kubernetes object the
 *   `paved.dev/pattern` and `paved.dev/version` labels, with a version
 *   compatible with this pack's (config `versionMatch`). A type that takes no
 *   tags is judged by its parent's token alone.
 *
 * {@link genuinePavedParent} is the one check; other policies that trust a
 * Paved parent (aws-sg-internet-ingress-web-only, aws-iam-no-wildcard-action)
 * call it too.
 *
 * The level per stack: advisory by default (raw resources are allowed, the
 * platform team wants to know). A platform team that wants it enforced sets
 * `"paved-approved-components": "mandatory"` in that stack's pack config
 * (`policies/config/prod.json`, or `pulumi policy enable --config`).
 */
import { isPavedComponentType, patternOfType } from "../../components/core/component-types";
import { LABEL_PREFIX, PATTERN_TAG, VERSION_TAG } from "../../components/core/governance";
import { PAVED_VERSION } from "../../components/core/version";
import { metadataShape } from "../../components/aws/registration/taggable";
import { defineResourcePolicy } from "../lib/define";
import { urnParts } from "../lib/exemptions";
import { asRecord, asString, peek } from "../lib/props";
import { previewUnknown } from "../lib/unknown";

/** How close a resource's `paved:version` stamp must be to the pack's version. */
export const VERSION_MATCHES = ["exact", "compatible", "any"] as const;
export type VersionMatch = (typeof VERSION_MATCHES)[number];

/** Config of {@link approvedComponents}. */
export interface ApprovedComponentsConfig {
  /** Protected type tokens, each with the component to use instead. */
  readonly protectedTypes: Readonly<Record<string, string>>;
  /** Type prefixes of the organisation's own approved components (never `paved:`: Paved's are checked against the registry). */
  readonly approvedPrefixes: readonly string[];
  /** How close the version stamp must be to the pack's. */
  readonly versionMatch: VersionMatch;
}

/** The default protected types and the Paved component that creates each. */
export const DEFAULT_PROTECTED_TYPES: Readonly<Record<string, string>> = {
  "aws:ec2/vpc:Vpc": "SegmentedNetwork",
  "aws:iam/role:Role": "LeastPrivilegeRole",
  "aws:ebs/volume:Volume": "SanVolume",
};

/** The ancestor types a URN records, outermost first (the stack is not one). */
export function ancestorTypes(urn: string): string[] {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").slice(0, -1);
}

/** `major.minor.patch` (pre-release and build dropped), or undefined. */
function semver(v: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/**
 * True when a stamped version may be trusted by a pack of version `pack`:
 * `exact` the same string; `compatible` the same major (the same minor while
 * the major is 0, where a minor may break); `any` every well-formed version.
 */
export function versionCompatible(stamped: string, pack: string, match: VersionMatch): boolean {
  const a = semver(stamped);
  const b = semver(pack);
  if (!a || !b) return false;
  switch (match) {
    case "exact":
      return stamped.trim() === pack.trim();
    case "compatible":
      return a[0] === b[0] && (a[0] !== 0 || a[1] === b[1]);
    case "any":
      return true;
    default: {
      const never: never = match;
      throw new Error(`unknown versionMatch ${String(never)}`);
    }
  }
}

/** The stamp a resource carries: its pattern and version, `readable: false` for a type that takes no tags. */
export interface Stamp {
  readonly readable: boolean;
  /** The tag or label map is not known during preview. */
  readonly unknown?: boolean;
  readonly pattern?: string;
  readonly version?: string;
  /** How the message names the keys: `tag paved:version` or `label paved.dev/version`. */
  readonly keys: { pattern: string; version: string };
}

/** Reads the stamp from a resource's inputs, by how its type takes metadata. */
export function stampOf(type: string, props: Record<string, unknown>): Stamp {
  const tagKeys = { pattern: PATTERN_TAG, version: VERSION_TAG };
  switch (metadataShape(type, true)) {
    case "awsTagMap": {
      const tags = peek(() => asRecord(props.tags) ?? {});
      if (tags === undefined) return { readable: true, unknown: true, keys: tagKeys };
      const read = (k: string) => peek(() => asString(tags[k]));
      return { readable: true, pattern: read(PATTERN_TAG), version: read(VERSION_TAG), keys: tagKeys };
    }
    case "awsTagList": {
      const list = peek(() => (Array.isArray(props.tags) ? (props.tags as unknown[]) : []));
      if (list === undefined) return { readable: true, unknown: true, keys: tagKeys };
      const read = (k: string) =>
        peek(() => {
          const t = list.map((x) => asRecord(x)).find((x) => x !== undefined && x.key === k);
          return t ? asString(t.value) : undefined;
        });
      return { readable: true, pattern: read(PATTERN_TAG), version: read(VERSION_TAG), keys: tagKeys };
    }
    case "k8sLabels": {
      const keys = { pattern: `${LABEL_PREFIX}pattern`, version: `${LABEL_PREFIX}version` };
      const labels = peek(() => asRecord(asRecord(props.metadata)?.labels) ?? {});
      if (labels === undefined) return { readable: true, unknown: true, keys };
      const read = (k: string) => peek(() => asString(labels[k]));
      return { readable: true, pattern: read(keys.pattern), version: read(keys.version), keys };
    }
    case "none":
      return { readable: false, keys: tagKeys };
    default:
      return { readable: false, keys: tagKeys };
  }
}

/** The verdict of {@link genuinePavedParent}. */
export interface GenuineVerdict {
  /** True when a genuine Paved component created the resource. */
  readonly genuine: boolean;
  /** The stamp could not be read during preview (and nothing else decides). */
  readonly unknown?: boolean;
  /** The Paved ancestor it was created by (its token), when genuine or when only the stamp is wrong. */
  readonly component?: string;
  /** Why it is not genuine, quoting what was found. */
  readonly why: string;
}

/** What {@link genuinePavedParent} needs to know about one resource. */
export interface GenuineInput {
  readonly type: string;
  /** The ancestor types, outermost first (from the URN, or a stack resource's resolved parents). */
  readonly ancestors: readonly string[];
  readonly props: Record<string, unknown>;
}

/**
 * Whether a genuine Paved component created a resource: some ancestor's type
 * is in the Paved registry (optionally one of `only`), and the resource's
 * stamp names that component and a version compatible with this pack's.
 * The innermost registered ancestor decides (it stamped the resource).
 */
export function genuinePavedParent(
  r: GenuineInput,
  opts: { versionMatch?: VersionMatch; only?: readonly string[]; packVersion?: string } = {},
): GenuineVerdict {
  const match = opts.versionMatch ?? "compatible";
  const pack = opts.packVersion ?? PAVED_VERSION;
  const registered = r.ancestors.filter(
    (t) => isPavedComponentType(t) && (opts.only === undefined || opts.only.includes(t)),
  );
  if (registered.length === 0) {
    const lookAlike = r.ancestors.find((t) => t.startsWith("paved:") && !isPavedComponentType(t));
    const wanted = opts.only ? ` ${opts.only.join(" or ")}` : "";
    return {
      genuine: false,
      why: lookAlike
        ? `its parent type "${lookAlike}" is not a Paved${wanted} component (not in Paved's component registry)`
        : `it has no Paved${wanted} parent`,
    };
  }
  const component = registered[registered.length - 1];
  const stamp = stampOf(r.type, r.props);
  if (!stamp.readable) return { genuine: true, component, why: `created by ${component}` };
  if (stamp.unknown) {
    return { genuine: false, unknown: true, component, why: "its tags are not known during preview" };
  }
  const pattern = patternOfType(component);
  const patterns = registered.map(patternOfType);
  if (stamp.pattern === undefined || !patterns.includes(stamp.pattern)) {
    return {
      genuine: false,
      component,
      why:
        stamp.pattern === undefined
          ? `it is under ${component} but carries no ${stamp.keys.pattern} stamp (a look-alike component)`
          : `it is under ${component} but its ${stamp.keys.pattern} is "${stamp.pattern}", not "${pattern}"`,
    };
  }
  if (stamp.version === undefined) {
    return {
      genuine: false,
      component,
      why: `it is under ${component} but carries no ${stamp.keys.version} stamp`,
    };
  }
  if (!versionCompatible(stamp.version, pack, match)) {
    return {
      genuine: false,
      component,
      why: `its ${stamp.keys.version} is "${stamp.version}", not ${match === "exact" ? "" : `${match} with `}this pack's ${pack}`,
    };
  }
  return { genuine: true, component, why: `created by ${component} ${stamp.version}` };
}

/** A configured prefix that would let Paved look-alikes through is ignored. */
function ownPrefix(p: string): boolean {
  return p !== "" && !"paved:".startsWith(p) && !p.startsWith("paved:");
}

export const approvedComponents = defineResourcePolicy<ApprovedComponentsConfig>({
  name: "paved-approved-components",
  description:
    "VPCs, IAM roles and EBS volumes are created through a genuine Paved component (registered type, matching version stamp).",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  remediation: [
    "Create the resource with the Paved component named in the message (its secure defaults and tags come with it).",
    "Upgrade the paved package when the message says the version stamp is not compatible with the pack.",
    "If no component fits, ask the platform team, or record an exemption with an owner, ticket and expiry.",
    'To enforce it in a stack (prod), set "paved-approved-components": "mandatory" in that stack\'s pack config.',
  ],
  frameworks: [],
  configSchema: {
    properties: {
      protectedTypes: {
        type: "object",
        additionalProperties: { type: "string" },
        default: DEFAULT_PROTECTED_TYPES,
        description: "Protected type tokens, each mapped to the component to use instead.",
      },
      approvedPrefixes: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description:
          "Type prefixes of the organisation's own approved components (acme:platform:). Entries that would match `paved:` are ignored: Paved's components are checked against its registry and version stamp.",
      },
      versionMatch: {
        type: "string",
        enum: [...VERSION_MATCHES],
        default: "compatible",
        description:
          "How close a resource's paved:version stamp must be to the pack's version: exact, compatible (same major; same minor while 0.x) or any.",
      },
    },
  },
  // The SDK hands appliesTo the pack config as written (schema defaults not applied).
  appliesTo: (type, config) => Object.hasOwn(config?.protectedTypes ?? DEFAULT_PROTECTED_TYPES, type),
  check(r, ctx) {
    if (!Object.hasOwn(ctx.config.protectedTypes, r.type)) return [];
    const component = ctx.config.protectedTypes[r.type];
    const chain = ancestorTypes(r.urn);
    const own = ctx.config.approvedPrefixes.filter(ownPrefix);
    if (chain.some((t) => own.some((p) => t.startsWith(p)))) return [];
    const verdict = genuinePavedParent(
      { type: r.type, ancestors: chain, props: r.props },
      { versionMatch: ctx.config.versionMatch },
    );
    if (verdict.genuine) return [];
    if (verdict.unknown) throw previewUnknown(`"${r.name}": ${verdict.why}`);
    const via = chain.length > 0 ? `its parents are ${chain.join(" > ")}` : "it has no parent component";
    const what = `${urnParts(r.urn).type || r.type} "${r.name}"`;
    if (verdict.component === undefined) {
      const spoof = chain.some((t) => t.startsWith("paved:")) ? `; ${verdict.why}` : "";
      return [
        {
          message: `${what} is not created through an approved component (${via}${spoof}); use ${component}`,
        },
      ];
    }
    return [
      {
        message: `${what} is not stamped by a genuine ${verdict.component}: ${verdict.why}; create it through the Paved ${component} component of a compatible version`,
      },
    ];
  },
});
