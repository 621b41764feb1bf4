/**
 * Images are pinned: a release tag (not `latest`, not untagged) or a digest.
 * `requireDigest: true` (e.g. in prod pack config) accepts digests only.
 */
import { definePodPolicy } from "./pod-policy";

export const k8sImagePinned = definePodPolicy<{ requireDigest: boolean }>({
  name: "k8s-image-pinned",
  description: "Every container image is pinned by a release tag or a digest, never latest or untagged.",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Reference images as `registry/app:1.4.2` (a release tag) or `registry/app@sha256:<digest>`.",
    "With `requireDigest`, resolve the tag to its digest in CI and deploy the digest.",
  ],
  frameworks: [],
  configSchema: {
    properties: {
      requireDigest: {
        type: "boolean",
        default: false,
        description: "Accept only digests (`@sha256:...`); a tag alone is a violation.",
      },
    },
  },
  controls: ["imagePinned"],
  options: (config) => ({ requireImageDigest: config.requireDigest === true }),
});
