/**
 * Every container of an ECS task definition sends its output to a log driver
 * (`logConfiguration.logDriver`, e.g. awslogs or awsfirelens); without one
 * the container's output is lost when the task stops.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";
import { asRecord } from "../../../lib/props";
import type { Finding } from "../../../lib/types";
import { TASK_DEFINITION, UNREADABLE, containersOf } from "./containers";

export const ecsContainerLogging = defineResourcePolicy({
  name: "aws-ecs-container-logging",
  description: "Every container of an ECS task definition has a log driver configured.",
  category: "governance",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: container logs are the audit trail of what a workload did.
  securitySet: true,
  remediation: [
    'Give each container `logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": ..., "awslogs-region": ..., "awslogs-stream-prefix": ... } }`.',
    "Mandatory in prod: without a log driver the container's output is gone when the task stops.",
  ],
  frameworks: [awsFsbp("ECS.9"), nist80053("AU-12")],
  types: [TASK_DEFINITION],
  check(r) {
    const containers = containersOf(r.props.containerDefinitions);
    if (!containers) return [UNREADABLE];
    const out: Finding[] = [];
    for (const c of containers) {
      if (isUnset(asRecord(c.def.logConfiguration)?.logDriver)) {
        out.push({
          message: `container "${c.name}" has no logConfiguration.logDriver, so its output is lost when the task stops; set logConfiguration with the awslogs driver`,
        });
      }
    }
    return out;
  },
});
