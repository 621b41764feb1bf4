/**
 * Neptune clusters run two or more instances (a writer and a reader in
 * another zone), so a failover has somewhere to go: counted from the
 * `aws.neptune.ClusterInstance` resources whose `clusterIdentifier` names
 * the cluster.
 */
import { defineStackPolicy } from "../../../lib/define";
import { refersTo } from "../../../lib/parity";
import { asString, peek } from "../../../lib/props";
import type { Finding, StackResource } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const CLUSTER = "aws:neptune/cluster:Cluster";
const INSTANCE = "aws:neptune/clusterInstance:ClusterInstance";

function clusterRef(i: StackResource, c: StackResource): "yes" | "no" | "unknown" {
  const id = peek(() => asString(c.props.clusterIdentifier));
  const named = id ? { ...c, props: { ...c.props, id } } : c;
  return refersTo(i, "clusterIdentifier", named);
}

export const neptuneClusterMultiAz = defineStackPolicy({
  name: "aws-neptune-cluster-multi-az",
  description: "Neptune clusters have two or more instances, so a reader in another zone can take over.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set, like aws-rds-cluster-multi-az: prod data stores survive a zone failure.
  securitySet: true,
  remediation: [
    "Add a second `aws.neptune.ClusterInstance` with the same `clusterIdentifier` (AWS places it in another zone of the subnet group).",
    "Mandatory in prod, like aws-rds-cluster-multi-az.",
  ],
  frameworks: [],
  check(resources) {
    const out: Finding[] = [];
    const instances = ofType(resources, INSTANCE);
    for (const c of ofType(resources, CLUSTER)) {
      const refs = instances.map((i) => clusterRef(i, c));
      const yes = refs.filter((m) => m === "yes").length;
      if (yes >= 2) continue;
      if (yes + refs.filter((m) => m === "unknown").length >= 2) {
        out.push({
          urn: c.urn,
          advisory: true,
          message: `cluster "${c.name}": its instances are unknown during preview, so it is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: c.urn,
        message: `cluster "${c.name}" has ${yes} instance${yes === 1 ? "" : "s"}, so a zone failure stops it; add a second aws.neptune.ClusterInstance with its clusterIdentifier`,
      });
    }
    return out;
  },
});
