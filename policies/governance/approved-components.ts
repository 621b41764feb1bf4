/**
 * Resources of protected types (VPCs, IAM roles, EBS volumes by default) are
 * created through an approved component: some ancestor in their parent chain
 * has a `paved:` type. The URN carries the chain (`paved:aws:SanVolume$aws:ebs/volume:Volume`),
 * so a resource policy can see it. Advisory by default: raw resources are
 * allowed, but the platform team wants to know.
 */
import { defineResourcePolicy } from "../lib/define";
import { urnParts } from "../lib/exemptions";

/** Config of {@link approvedComponents}. */
export interface ApprovedComponentsConfig {
  /** Protected type tokens, each with the component to use instead. */
  readonly protectedTypes: Readonly<Record<string, string>>;
  /** Type prefixes of approved components. */
  readonly approvedPrefixes: readonly string[];
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

export const approvedComponents = defineResourcePolicy<ApprovedComponentsConfig>({
  name: "paved-approved-components",
  description: "VPCs, IAM roles and EBS volumes are created through an approved Paved component.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  remediation: [
    "Create the resource with the Paved component named in the message (its secure defaults and tags come with it).",
    "If no component fits, ask the platform team, or record an exemption with an owner, ticket and expiry.",
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
        default: ["paved:"],
        description: "Type prefixes of approved components.",
      },
    },
  },
  appliesTo: (type, config) => Object.hasOwn(config.protectedTypes, type),
  check(r, ctx) {
    if (!Object.hasOwn(ctx.config.protectedTypes, r.type)) return [];
    const component = ctx.config.protectedTypes[r.type];
    const chain = ancestorTypes(r.urn);
    if (chain.some((t) => ctx.config.approvedPrefixes.some((p) => t.startsWith(p)))) return [];
    const via = chain.length > 0 ? `its parents are ${chain.join(" > ")}` : "it has no parent component";
    return [
      {
        message: `${urnParts(r.urn).type || r.type} "${r.name}" is not created through an approved component (${via}); use ${component}`,
      },
    ];
  },
});
