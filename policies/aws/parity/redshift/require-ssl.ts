/**
 * Redshift clusters refuse connections without TLS: their parameter group
 * sets `require_ssl` to true (the default group leaves it false).
 */
import { defineStackPolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import type { Finding } from "../../../lib/types";
import { CLUSTER, groupOf, parameterValue } from "./parameters";
import { ofType } from "../../../lib/stack-index";

export const redshiftRequireSsl = defineStackPolicy({
  name: "aws-redshift-require-ssl",
  description: "Redshift clusters require TLS for connections (require_ssl true in their parameter group).",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Create an `aws.redshift.ParameterGroup` with `parameters: [{ name: "require_ssl", value: "true" }]` and set the cluster\'s `clusterParameterGroupName` to it.',
  ],
  frameworks: [awsFsbp("Redshift.2"), nist80053("SC-8")],
  check(resources) {
    const out: Finding[] = [];
    for (const c of ofType(resources, CLUSTER)) {
      const g = groupOf(c, resources);
      if (g === "external") {
        out.push({
          urn: c.urn,
          advisory: true,
          message: `cluster "${c.name}" uses a parameter group this stack does not define, so require_ssl is not checked; confirm it sets require_ssl true`,
        });
        continue;
      }
      if (g === "unknown") {
        out.push({
          urn: c.urn,
          advisory: true,
          message: `cluster "${c.name}": its parameter group is unknown during preview, so require_ssl is checked again on update`,
        });
        continue;
      }
      if (g !== "default" && parameterValue(g, "require_ssl") === "true") continue;
      out.push({
        urn: c.urn,
        message: `cluster "${c.name}" accepts connections without TLS: ${g === "default" ? "it uses the default parameter group" : `parameter group "${g.name}" does not set require_ssl true`}; set require_ssl to "true" in its parameter group`,
      });
    }
    return out;
  },
});
