/**
 * OpenSearch and Elasticsearch domains survive the loss of a node or a zone:
 * dedicated master nodes (`clusterConfig.dedicatedMasterEnabled`) keep the
 * cluster state off the data nodes, and zone awareness
 * (`clusterConfig.zoneAwarenessEnabled`) spreads replicas across zones.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { asRecord, isTrue } from "../../../lib/props";

export const opensearchHighAvailability = defineResourcePolicy({
  name: "aws-opensearch-high-availability",
  description: "OpenSearch domains use dedicated master nodes and zone awareness.",
  category: "storage",
  severity: "low",
  defaultLevel: "advisory",
  // Availability and cost: small dev domains legitimately run one node; advisory everywhere.
  securitySet: false,
  remediation: [
    "Set `clusterConfig.dedicatedMasterEnabled: true` with `dedicatedMasterCount: 3` and a `dedicatedMasterType`.",
    "Set `clusterConfig.zoneAwarenessEnabled: true` with `zoneAwarenessConfig.availabilityZoneCount` 2 or 3 and an even number of data nodes.",
    "Advisory in every stage: availability, not protection; single-node development domains are fine.",
  ],
  frameworks: [],
  types: ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"],
  check(r) {
    const cfg = asRecord(r.props.clusterConfig);
    const missing: string[] = [];
    if (!isTrue(cfg?.dedicatedMasterEnabled)) missing.push("clusterConfig.dedicatedMasterEnabled");
    if (!isTrue(cfg?.zoneAwarenessEnabled)) missing.push("clusterConfig.zoneAwarenessEnabled");
    if (missing.length === 0) return [];
    return [
      {
        message: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not true, so a node or zone failure can take the domain down; set ${missing.join(" and ")} to true`,
      },
    ];
  },
});
