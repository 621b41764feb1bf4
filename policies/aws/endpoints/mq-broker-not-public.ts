/** Amazon MQ brokers are not publicly accessible. Unset is private (the default). */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { mustBeFalse } from "./settings";

export const MQ_BROKER = "aws:mq/broker:Broker";

export const mqBrokerNotPublic = defineResourcePolicy({
  name: "aws-mq-broker-not-public",
  description: "Amazon MQ brokers are not publicly accessible.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `publiclyAccessible: false` (the default) and place the broker in private `subnetIds` with `securityGroups` limited to its clients.",
    "A broker's accessibility is set at creation: create a private broker and move clients to it.",
  ],
  frameworks: [nist80053("SC-7")],
  types: [MQ_BROKER],
  check: (r) =>
    mustBeFalse(r.props.publiclyAccessible, {
      field: "publiclyAccessible",
      unsetIsPublic: false,
      subject: "the broker",
      fix: "set publiclyAccessible: false and reach the broker from inside the VPC",
    }),
});
