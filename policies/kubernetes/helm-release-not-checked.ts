/**
 * A `helm.v3.Release` is one opaque resource: the provider hands the chart to
 * Helm, which renders and installs its objects at deploy time, so no policy
 * ever sees them. This policy says so, on every Release, as an advisory note
 * whatever its level: a security check never passes silently.
 *
 * Not reported: `helm.v3.Chart` (`kubernetes:helm.sh/v3:Chart`, rendered by the
 * SDK) and `helm.v4.Chart` (`kubernetes:helm.sh/v4:Chart`, rendered by the
 * provider), whose objects are registered as ordinary resources under the chart
 * component and checked by every Kubernetes policy.
 */
import { UNKNOWN, get } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import { rawProps } from "../lib/sdk";
import type { Finding } from "../lib/types";

export const HELM_RELEASE_TYPE = "kubernetes:helm.sh/v3:Release";

/** A string input for a message: quoted, `(set at apply)` when unknown, undefined when unset. */
function text(v: unknown): string | undefined {
  if (v === UNKNOWN) return "(set at apply)";
  return typeof v === "string" && v !== "" ? v : undefined;
}

export const k8sHelmReleaseNotChecked = defineResourcePolicy({
  name: "k8s-helm-release-not-checked",
  description: "The objects a Helm Release installs are rendered at deploy time, out of the policies' sight.",
  category: "kubernetes",
  severity: "medium",
  defaultLevel: "advisory",
  remediation: [
    "Deploy the chart with `new k8s.helm.v4.Chart(...)`: its objects are registered as Pulumi resources and every policy checks them.",
    "Or render it with `helm template <release> <chart> --version <v> -f values.yaml` and deploy the manifests with `new k8s.yaml.v2.ConfigGroup(...)`.",
    "Keep a Release only for a chart the platform team has reviewed; record the review in an exemption for this policy.",
  ],
  frameworks: [],
  types: [HELM_RELEASE_TYPE],
  check(release): Finding[] {
    // Raw inputs: an unknown value must not turn this note into a "skipped" one.
    const props = rawProps(release.props);
    const name = text(get(props, "name")) ?? `${release.name} (auto-named)`;
    const chart = text(get(props, "chart")) ?? "(no chart set)";
    const version = text(get(props, "version"));
    const repo = text(get(get(props, "repositoryOpts"), "repo"));
    const what = `chart ${chart}${version ? ` ${version}` : ""}${repo ? ` from ${repo}` : ""}`;
    return [
      {
        advisory: true,
        message: `not checked: the contents of Helm release ${name} (${what}) are rendered by the cluster's Helm at deploy time and were not checked by paved; render them with \`helm template\` and deploy them with yaml/v2 ConfigGroup, or use helm.v4.Chart, whose children are registered and checked`,
      },
    ];
  },
});
