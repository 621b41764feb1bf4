/**
 * QuickSight data sources connect over SSL: `sslProperties.disableSsl` true
 * sends queries and results in plain text.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asRecord, isTrue } from "../../../lib/props";

export const quicksightDataSourceSsl = defineResourcePolicy({
  name: "aws-quicksight-data-source-ssl",
  description: "QuickSight data sources connect to their databases over SSL.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: ["Remove `sslProperties.disableSsl` (or set it to false) and make the database accept TLS."],
  frameworks: [nist80053("SC-8")],
  types: ["aws:quicksight/dataSource:DataSource"],
  check(r) {
    const v = asRecord(r.props.sslProperties)?.disableSsl;
    if (!isTrue(v)) return [];
    return [
      {
        message: `sslProperties.disableSsl is ${quote(v)}, so queries and results travel in plain text; set it to false`,
      },
    ];
  },
});
