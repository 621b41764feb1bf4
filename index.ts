/**
 * The reference platform program: a small landing zone that uses the Paved
 * components as they arrive. Stack config lives in stacks/ (Pulumi.<env>.yaml).
 */
import * as pulumi from "@pulumi/pulumi";
import { governanceFromConfig, validateGovernance } from "./components/core";

const governance = governanceFromConfig();
const problems = validateGovernance(governance);
if (problems.length > 0) {
  throw new pulumi.RunError(problems.map((p) => `${p.arg} ${p.problem}; ${p.fix}`).join("\n"));
}

export const environment = governance.environment;
