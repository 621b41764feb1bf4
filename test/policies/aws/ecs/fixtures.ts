/** Task definitions for the ECS tables: a passing base in both shapes. */
export const TASK = "aws:ecs/taskDefinition:TaskDefinition";
export const DAEMON = "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition";

export type Container = Record<string, unknown>;

export const API: Container = {
  name: "api",
  image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2",
  essential: true,
  environment: [
    { name: "LOG_LEVEL", value: "info" },
    { name: "DB_PASSWORD_FILE", value: "/run/secrets/db" },
  ],
  secrets: [
    { name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" },
  ],
};

/** A TaskDefinition's props with `containerDefinitions` as the JSON string AWS takes. */
export function taskProps(containers: Container[], stringify = true): Record<string, unknown> {
  return {
    family: "api",
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "256",
    memory: "512",
    containerDefinitions: stringify ? JSON.stringify(containers) : containers,
  };
}

/** A patch replacing the first container's fields. */
export function withApi(over: Container, stringify = true): Record<string, unknown> {
  return { containerDefinitions: taskProps([{ ...API, ...over }], stringify).containerDefinitions };
}
