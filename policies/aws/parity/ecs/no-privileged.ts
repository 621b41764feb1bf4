/**
 * ECS containers do not run privileged (`privileged: true` gives the
 * container every capability and the host's devices: a container escape is
 * one step away). Fargate refuses it; on EC2 it is honoured.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { isTrue } from "../../../lib/props";
import type { Finding } from "../../../lib/types";
import { TASK_DEFINITION, UNREADABLE, containersOf } from "./containers";

export const ecsNoPrivileged = defineResourcePolicy({
  name: "aws-ecs-no-privileged",
  description: "ECS task definitions run no privileged container.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove `privileged: true` and add only the Linux capabilities the container needs (`linuxParameters.capabilities.add`).",
  ],
  frameworks: [awsFsbp("ECS.4")],
  types: [TASK_DEFINITION],
  check(r) {
    const containers = containersOf(r.props.containerDefinitions);
    if (!containers) return [UNREADABLE];
    const out: Finding[] = [];
    for (const c of containers) {
      if (isTrue(c.def.privileged)) {
        out.push({
          message: `container "${c.name}" sets privileged: true, so it holds every capability on the host; remove privileged and add only the capabilities it needs`,
        });
      }
    }
    return out;
  },
});
