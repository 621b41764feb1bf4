/**
 * RDS instances run Multi-AZ (a standby in a second availability zone that
 * takes over on failure). The provider's default is single-AZ. A read
 * replica (`replicateSourceDb`) is a copy of its source, whose availability
 * is checked there.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asString, isTrue } from "../../lib/props";
import { RDS_DB_INSTANCE } from "./types";

export const rdsInstanceMultiAz = defineResourcePolicy({
  name: "aws-rds-instance-multi-az",
  description: "RDS instances are deployed Multi-AZ.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: true,
  remediation: ["Set `multiAz: true` on the instance (and leave `availabilityZone` unset)."],
  frameworks: [awsFsbp("RDS.5")],
  types: [RDS_DB_INSTANCE],
  check(r) {
    if ((asString(r.props.replicateSourceDb) ?? "") !== "") return [];
    const v = r.props.multiAz;
    if (isTrue(v)) return [];
    return [
      {
        message: `multiAz is ${v === undefined ? "unset (single-AZ by default)" : JSON.stringify(v)}, so an AZ failure takes the database down; set multiAz: true`,
      },
    ];
  },
});
