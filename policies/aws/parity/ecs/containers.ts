/**
 * Reads an ECS task definition's `containerDefinitions`: a JSON string (as
 * the provider takes it) or an already-parsed list. A string that does not
 * parse is reported by the caller rather than ignored.
 */
import { asList, asRecord, asString } from "../../../lib/props";

export interface Container {
  readonly index: number;
  readonly name: string;
  readonly def: Record<string, unknown>;
}

/** The containers, or undefined when the input is not valid JSON. */
export function containersOf(v: unknown): Container[] | undefined {
  let parsed: unknown = v;
  if (typeof v === "string") {
    try {
      parsed = JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  }
  return asList(parsed).flatMap((c, index) => {
    const def = asRecord(c);
    return def ? [{ index, name: asString(def.name) ?? `#${index}`, def }] : [];
  });
}

export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

export const UNREADABLE = {
  message:
    "containerDefinitions is not valid JSON, so its containers cannot be checked; pass JSON.stringify([...]) of the container list",
};
