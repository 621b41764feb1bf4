import { criticalResourcesAlarmed } from "../../../policies/governance/critical-resources-alarmed";
import { Fixture, describePolicyTable, unknown, urnOf } from "../harness";

const DB = "aws:rds/instance:Instance";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const db = (name: string, props: Record<string, unknown> = {}): Fixture => ({
  type: DB,
  name,
  props: { engine: "postgres", ...props },
});
const alarm = (name: string, props: Record<string, unknown>, deps: string[] = []): Fixture => ({
  type: ALARM,
  name,
  props: { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, ...props },
  dependencies: deps,
});
const dbUrn = urnOf(DB, "orders");

describePolicyTable(criticalResourcesAlarmed, {
  base: [db("orders"), alarm("orders-cpu", { dimensions: { DBInstanceIdentifier: unknown } }, [dbUrn])],
  pass: [
    {
      name: "an alarm naming the identifier in its dimensions",
      stack: () => [
        db("orders", { identifier: "orders-db" }),
        alarm("a", { dimensions: { DBInstanceIdentifier: "orders-db" } }),
      ],
    },
    {
      name: "a metric-math alarm naming it in a query",
      stack: () => [
        db("orders", { identifier: "orders-db" }),
        alarm("a", {
          metricQueries: [
            {
              id: "m1",
              metric: { metricName: "CPUUtilization", dimensions: { DBInstanceIdentifier: "orders-db" } },
            },
          ],
        }),
      ],
    },
    {
      name: "a non-critical resource needs none",
      stack: () => [{ type: "aws:s3/bucket:Bucket", name: "b", props: {} }],
    },
    {
      name: "no critical types configured",
      stack: (base) => [base[0]],
      options: { config: { criticalTypes: [] } },
    },
  ],
  fail: [
    {
      name: "a database with no alarm, blamed by URN",
      stack: (base) => [base[0]],
      expect: /"orders" has no CloudWatch alarm/,
      urn: dbUrn,
      count: 1,
    },
    {
      name: "an alarm on another database",
      stack: () => [
        db("orders", { identifier: "orders-db" }),
        alarm("a", { dimensions: { DBInstanceIdentifier: "other" } }),
      ],
      expect: /"orders" has no CloudWatch alarm/,
    },
    {
      name: "a load balancer without an alarm",
      stack: (base) => [...base, { type: "aws:lb/loadBalancer:LoadBalancer", name: "web", props: {} }],
      expect: /"web" has no CloudWatch alarm/,
      count: 1,
    },
    {
      name: "a type made critical by config",
      stack: () => [{ type: "aws:sqs/queue:Queue", name: "q", props: {} }],
      options: { config: { criticalTypes: ["aws:sqs/queue:Queue"] } },
      expect: /"q" has no/,
    },
  ],
  unknown: [
    {
      name: "the database identifier unknown, dependency recorded",
      stack: (base) => [db("orders", { identifier: unknown }), base[1]],
    },
    {
      name: "alarm dimensions unknown",
      stack: () => [
        db("orders", { identifier: "x" }),
        alarm("a", { dimensions: unknown, metricQueries: unknown }, [dbUrn]),
      ],
    },
  ],
});
