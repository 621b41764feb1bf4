import { mqBrokerNotPublic } from "../../../../policies/aws/endpoints/mq-broker-not-public";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(mqBrokerNotPublic, {
  base: {
    type: "aws:mq/broker:Broker",
    props: {
      brokerName: "events",
      engineType: "ActiveMQ",
      engineVersion: "5.18",
      hostInstanceType: "mq.t3.micro",
      subnetIds: ["subnet-a"],
      publiclyAccessible: false,
      users: [{ username: "app", password: "x" }],
    },
  },
  pass: [{ name: "unset (private by default)", patch: { publiclyAccessible: undefined } }],
  fail: [
    {
      name: "public",
      patch: { publiclyAccessible: true },
      expect:
        /publiclyAccessible is true, so the broker is reachable from the internet; set publiclyAccessible: false/,
      count: 1,
    },
    { name: '"true"', patch: { publiclyAccessible: "True" }, expect: /publiclyAccessible is true/ },
  ],
  unknown: [{ name: "publiclyAccessible unknown", patch: { publiclyAccessible: unknown } }],
});
