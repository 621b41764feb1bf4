/**
 * ECR repositories make image tags immutable, so a tag (`v1.2.3`, `latest`)
 * always names the image that was first pushed under it. The provider's
 * default is MUTABLE. `IMMUTABLE_WITH_EXCLUSION` leaves the tags its filters
 * match mutable: allowed only when config says so, and never with a filter
 * that matches every tag.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asList, asRecord, asString } from "../../lib/props";

export const ECR_REPOSITORY = "aws:ecr/repository:Repository";

export const ecrTagImmutable = defineResourcePolicy<{ allowExclusionFilters: boolean }>({
  name: "aws-ecr-tag-immutable",
  description: "ECR repositories have immutable image tags.",
  category: "governance",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `imageTagMutability: "IMMUTABLE"` on the repository.',
    "Push a new tag for every build (a version or the commit SHA) instead of moving `latest`.",
  ],
  frameworks: [awsFsbp("ECR.2")],
  types: [ECR_REPOSITORY],
  configSchema: {
    properties: {
      allowExclusionFilters: {
        type: "boolean",
        default: false,
        description:
          "Accept IMMUTABLE_WITH_EXCLUSION (some tags stay mutable) when no exclusion filter is a bare `*`.",
      },
    },
  },
  check(r, ctx) {
    const raw = r.props.imageTagMutability;
    const mode = asString(raw);
    if (mode === "IMMUTABLE") return [];
    if (mode === "IMMUTABLE_WITH_EXCLUSION") {
      const filters = asList(r.props.imageTagMutabilityExclusionFilters).map(
        (f) => asString(asRecord(f)?.filter) ?? "",
      );
      const everything = filters.find((f) => /^\*+$/.test(f.trim()));
      if (ctx.config.allowExclusionFilters && everything === undefined) return [];
      return [
        {
          message:
            everything !== undefined
              ? `imageTagMutability is IMMUTABLE_WITH_EXCLUSION with exclusion filter "${everything}", which leaves every tag mutable; set imageTagMutability: "IMMUTABLE"`
              : `imageTagMutability is IMMUTABLE_WITH_EXCLUSION, so tags matching ${JSON.stringify(filters)} can be moved; set imageTagMutability: "IMMUTABLE"`,
        },
      ];
    }
    return [
      {
        message:
          raw === undefined
            ? 'imageTagMutability is unset (MUTABLE by default), so a pushed tag can be moved to another image; set imageTagMutability: "IMMUTABLE"'
            : `imageTagMutability is ${JSON.stringify(raw)}, so a pushed tag can be moved to another image; set imageTagMutability: "IMMUTABLE"`,
      },
    ];
  },
});
