/**
 * ECS container images are pinned: a release tag (not `latest`, not untagged,
 * which ECS pulls as `latest`) or a digest, by the same classifier as the
 * Kubernetes policy (`imagePin` in components/kubernetes/workloads.ts).
 * `requireDigest: true` accepts digests only.
 */
import { UNKNOWN, get, imagePin } from "../../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../../lib/define";
import { rawProps } from "../../lib/sdk";
import type { Finding } from "../../lib/types";
import { previewUnknown } from "../../lib/unknown";
import { ECS_TASK_DEFINITION_TYPES, ecsContainers } from "./containers";

export const ecsImagePinned = defineResourcePolicy<{ requireDigest: boolean }>({
  name: "aws-ecs-image-pinned",
  description: "Every ECS container image is pinned by a release tag or a digest, never latest or untagged.",
  category: "governance",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Reference images as `<account>.dkr.ecr.<region>.amazonaws.com/app:1.4.2` (a release tag) or `...app@sha256:<digest>`.",
    'Make the ECR repository\'s tags immutable (`imageTagMutability: "IMMUTABLE"`), so a release tag cannot be moved.',
    "With `requireDigest`, resolve the tag to its digest in CI and deploy the digest.",
  ],
  frameworks: [],
  types: ECS_TASK_DEFINITION_TYPES,
  configSchema: {
    properties: {
      requireDigest: {
        type: "boolean",
        default: false,
        description: "Accept only digests (`@sha256:...`); a tag alone is a violation.",
      },
    },
  },
  check(resource, ctx): Finding[] {
    const read = ecsContainers(rawProps(resource.props));
    if (read.kind === "unknown") throw previewUnknown("containerDefinitions is not known until apply");
    if (read.kind === "malformed") return [];
    const findings: Finding[] = [];
    const unknowns: string[] = [...read.unknownAt];
    for (const c of read.containers) {
      const image = get(c.value, "image");
      const at = `${c.path}.image`;
      if (image === UNKNOWN) {
        unknowns.push(at);
        continue;
      }
      if (typeof image !== "string") {
        findings.push({ message: `${c.label} has no image (${at}); set a pinned image reference` });
        continue;
      }
      const pin = imagePin(image);
      const shown = JSON.stringify(image);
      if (pin === "digest") continue;
      if (pin === "tag") {
        if (ctx.config.requireDigest === true) {
          findings.push({
            message: `${c.label} uses image ${shown}, pinned by tag only (${at}); deploy it by digest (@sha256:...)`,
          });
        }
        continue;
      }
      const why =
        pin === "latest"
          ? "tagged latest, which moves"
          : pin === "untagged"
            ? "untagged, so ECS pulls latest"
            : "not a valid image reference";
      findings.push({
        message: `${c.label} uses image ${shown}, ${why} (${at}); pin a release tag (app:1.4.2) or a digest (app@sha256:...)`,
      });
    }
    if (findings.length === 0 && unknowns.length > 0) {
      throw previewUnknown(`${unknowns[0]} is not known until apply`);
    }
    return findings;
  },
});
