/**
 * Reads the Redshift parameter group a cluster uses: the
 * `aws.redshift.ParameterGroup` its `clusterParameterGroupName` names (by name
 * or recorded dependency), and one parameter's value in it. A cluster with no
 * group uses the default group, whose values are AWS's defaults.
 */
import { refersTo } from "../../../lib/parity";
import { asList, asRecord, asString, peek } from "../../../lib/props";
import type { StackResource } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

export const CLUSTER = "aws:redshift/cluster:Cluster";
export const PARAMETER_GROUP = "aws:redshift/parameterGroup:ParameterGroup";

/** "default" when the cluster names no group; the group; or "unknown". */
export function groupOf(
  cluster: StackResource,
  all: readonly StackResource[],
): StackResource | "default" | "unknown" | "external" {
  const name = peek(() => asString(cluster.props.clusterParameterGroupName) ?? "");
  const groups = ofType(all, PARAMETER_GROUP);
  const dep = groups.find((g) => (cluster.dependencies ?? []).some((d) => d.urn === g.urn));
  if (dep) return dep;
  if (name === undefined) return "unknown";
  if (name === "" || name.startsWith("default.")) return "default";
  const match = groups.find(
    (g) => refersTo({ ...cluster, dependencies: [] }, "clusterParameterGroupName", g) === "yes",
  );
  return match ?? "external";
}

/** The value of `parameter` in the group (lower-cased), undefined when the group leaves it at the default. */
export function parameterValue(group: StackResource, parameter: string): string | undefined {
  for (const p of asList(group.props.parameters)) {
    const rec = asRecord(p);
    if (asString(rec?.name) === parameter) return asString(rec?.value)?.toLowerCase();
  }
  return undefined;
}
