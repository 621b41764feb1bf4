/**
 * The containers of an ECS task definition, in both shapes the provider takes:
 *
 * - `aws:ecs/taskDefinition:TaskDefinition`: `containerDefinitions` is a JSON
 *   string in ECS's own format (`environment`, `secrets`, `image`, `name`),
 *   as `JSON.stringify`, `pulumi.jsonStringify` or awsx's task definitions write
 *   it; an array of objects is read too (a program that skipped the stringify).
 * - `aws:ecs/daemonTaskDefinition:DaemonTaskDefinition`: a typed list, with
 *   `environments` (plural, as @pulumi/aws 7 names it) for `environment`.
 *
 * Preview unknowns: a definitions string built from another resource's output
 * (`pulumi.jsonStringify([{ image: repo.repositoryUrl }])`) is unknown as a
 * whole; a typed list may hold unknowns inside. Readers return `UNKNOWN` for
 * what they cannot read, never throw.
 */
import { UNKNOWN_SENTINEL } from "../../../components/aws/iam/match";
import { UNKNOWN, get, known, listOf } from "../../../components/kubernetes/workloads";

export const TASK_DEFINITION_TYPE = "aws:ecs/taskDefinition:TaskDefinition";
export const DAEMON_TASK_DEFINITION_TYPE = "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition";
export const ECS_TASK_DEFINITION_TYPES: readonly string[] = [
  TASK_DEFINITION_TYPE,
  DAEMON_TASK_DEFINITION_TYPE,
];

/** One container definition, located. */
export interface EcsContainer {
  /** `containerDefinitions[1]`. */
  readonly path: string;
  /** `container "api"`, or `container #1` when it has no name. */
  readonly label: string;
  readonly value: unknown;
}

/** The containers of a task definition: a list, `UNKNOWN`, or a problem (malformed JSON). */
export type EcsContainers =
  | {
      readonly kind: "list";
      readonly containers: readonly EcsContainer[];
      readonly unknownAt: readonly string[];
    }
  | { readonly kind: "unknown" }
  | { readonly kind: "malformed"; readonly why: string };

/** Reads `containerDefinitions` from a task definition's raw inputs. */
export function ecsContainers(props: Record<string, unknown>): EcsContainers {
  let defs: unknown = known(props.containerDefinitions);
  if (defs === undefined || defs === null) return { kind: "list", containers: [], unknownAt: [] };
  if (defs === UNKNOWN) return { kind: "unknown" };
  if (typeof defs === "string") {
    // A string with an unknown spliced in (`pulumi.interpolate`) cannot be parsed as written.
    if (defs.includes(UNKNOWN_SENTINEL)) return { kind: "unknown" };
    try {
      defs = JSON.parse(defs);
    } catch (e) {
      return { kind: "malformed", why: `containerDefinitions is not valid JSON (${(e as Error).message})` };
    }
  }
  const list = listOf(Array.isArray(defs) ? defs : [defs]);
  if (list === UNKNOWN) return { kind: "unknown" };
  if (list === "invalid") return { kind: "malformed", why: "containerDefinitions is not a list" };
  const containers: EcsContainer[] = [];
  const unknownAt: string[] = [];
  list.forEach((c, i) => {
    const path = `containerDefinitions[${i}]`;
    if (c === UNKNOWN) {
      unknownAt.push(path);
      return;
    }
    const name = get(c, "name");
    const label = typeof name === "string" ? `container "${name}"` : `container #${i}`;
    containers.push({ path, label, value: c });
  });
  return { kind: "list", containers, unknownAt };
}

/** A container's environment entries (`environment`, or the daemon shape's `environments`), with their key. */
export function environmentOf(c: EcsContainer): { key: string; entries: unknown } {
  const plural = get(c.value, "environments");
  if (plural !== undefined) return { key: "environments", entries: plural };
  return { key: "environment", entries: get(c.value, "environment") };
}
