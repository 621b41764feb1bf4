/**
 * DynamoDB tables holding confidential or restricted data are encrypted with
 * a customer managed KMS key. Tables are always encrypted, with an AWS owned
 * key by default (`serverSideEncryption` unset or disabled) or the AWS
 * managed `aws/dynamodb` key (enabled without `kmsKeyArn`); neither lets the
 * data owner control or audit use of the key. Global table replicas name
 * their own key.
 */
import { CUSTOMER_KEY_SCHEMA, type CustomerKeyConfig } from "../../lib/classification";
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { asList, asRecord, asString, isTrue } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { customerKeyFindings } from "./settings";

export const DYNAMODB_TABLE = "aws:dynamodb/table:Table";
export const DYNAMODB_TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";

export const dynamodbTableCmk = defineResourcePolicy<CustomerKeyConfig>({
  name: "aws-dynamodb-table-cmk",
  description:
    "DynamoDB tables holding confidential or restricted data are encrypted with a customer managed KMS key.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }` with a KMS key you manage.",
    "Give every replica in `replicas` (or each `aws.dynamodb.TableReplica`) a `kmsKeyArn` in its region.",
  ],
  frameworks: [nist80053("SC-28")],
  types: [DYNAMODB_TABLE, DYNAMODB_TABLE_REPLICA],
  configSchema: CUSTOMER_KEY_SCHEMA,
  check(r, ctx) {
    if (r.type === DYNAMODB_TABLE_REPLICA) {
      return customerKeyFindings(r, ctx, {
        field: "kmsKeyArn",
        read: () => r.props.kmsKeyArn,
        what: "the replica",
      });
    }
    const sse = asRecord(r.props.serverSideEncryption);
    const findings: Finding[] = customerKeyFindings(r, ctx, {
      field: "serverSideEncryption.kmsKeyArn",
      // A key counts only when server-side encryption with KMS is enabled.
      read: () => (isTrue(sse?.enabled) ? sse?.kmsKeyArn : undefined),
      what: "the table",
      fix: "set serverSideEncryption to { enabled: true, kmsKeyArn: <your KMS key ARN> }",
    });
    asList(r.props.replicas).forEach((replica, i) => {
      const rep = asRecord(replica);
      const region = asString(rep?.regionName);
      findings.push(
        ...customerKeyFindings(r, ctx, {
          field: `replicas[${i}].kmsKeyArn`,
          read: () => rep?.kmsKeyArn,
          what: region ? `the replica in ${region}` : "the replica",
        }),
      );
    });
    return findings;
  },
});
