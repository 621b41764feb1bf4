/**
 * SageMaker notebook instances do not give their users root
 * (`rootAccess` "Disabled"; "Enabled" is the default): with root a user can
 * change the instance's software and read other users' files.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asString } from "../../../lib/props";

export const sagemakerNotebookNoRoot = defineResourcePolicy({
  name: "aws-sagemaker-notebook-no-root",
  description: "SageMaker notebook instances disable root access for their users.",
  category: "iam",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: root on a shared notebook defeats its lifecycle configuration.
  securitySet: true,
  remediation: [
    'Set `rootAccess: "Disabled"`; install software through a lifecycle configuration (which still runs as root).',
    "Mandatory in prod: root lets a user undo the instance's hardening.",
  ],
  frameworks: [awsFsbp("SageMaker.3")],
  types: ["aws:sagemaker/notebookInstance:NotebookInstance"],
  check(r) {
    const v = asString(r.props.rootAccess);
    if (v === "Disabled") return [];
    const now = v === undefined ? "rootAccess is unset (Enabled)" : `rootAccess is ${quote(v)}`;
    return [{ message: `${now}, so notebook users are root on the instance; set rootAccess to "Disabled"` }];
  },
});
