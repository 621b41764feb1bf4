/**
 * The findings collector and container enumeration behind `checkPodSpec`. Pure; never throws.
 */
import { PSS_CODES, PSS_CONTROLS, PAVED_POD_CONTROLS, type PssCode, type PssControl } from "./pss-codes";
import { UNKNOWN, get, isRecord, listOf, show } from "./workloads";

/** One reason a pod spec falls short. */
export interface PssFinding {
  /** Stable code: `PSS_*` for the profile, `PAVED_*` for the extras, `PSS_UNKNOWN` for "cannot tell". */
  readonly code: string;
  /** Where, from the object's root: `spec.template.spec.containers[0].securityContext.privileged`. */
  readonly path: string;
  /** What is wrong, naming the container. */
  readonly message: string;
  /** What to set instead. */
  readonly fix: string;
  /** The control the finding belongs to (an unknown value names the control it blocks). */
  readonly control: PssControl;
}

export const ALL_CONTROLS: readonly PssControl[] = [...PSS_CONTROLS, ...PAVED_POD_CONTROLS];
/** Controls read (also) from a container's securityContext. */
const SC_CONTROLS: readonly PssControl[] = [
  "privileged",
  "capabilities",
  "procMount",
  "privilegeEscalation",
  "hostProcess",
  "appArmor",
  "seLinux",
  "seccomp",
  "runAsNonRoot",
  "runAsUser",
];
const CONTAINER_LISTS = {
  containers: "container",
  initContainers: "init container",
  ephemeralContainers: "ephemeral container",
} as const;

/** Collects findings for the selected controls. */
export class Findings {
  readonly list: PssFinding[] = [];
  constructor(private readonly only: ReadonlySet<PssControl> | undefined) {}
  /** True when any of these controls is selected: lets a caller skip a whole group of checks. */
  on(...controls: PssControl[]): boolean {
    return this.only === undefined || controls.some((c) => this.only!.has(c));
  }
  add(code: Exclude<PssCode, "PSS_UNKNOWN">, path: string, message: string, fix?: string): void {
    const { control, fix: defaultFix } = PSS_CODES[code];
    if (this.only && !this.only.has(control)) return;
    this.list.push({ code, path, message, fix: fix ?? defaultFix, control });
  }
  /** "Cannot tell": the value at `path` is unknown (preview) or not of the expected shape. */
  unknown(control: PssControl, path: string, value: unknown): void {
    if (this.only && !this.only.has(control)) return;
    const why =
      value === UNKNOWN ? "is not known until apply (preview)" : `has an unexpected value ${show(value)}`;
    const message = `${path} ${why}, so ${control} cannot be checked`;
    this.list.push({ code: "PSS_UNKNOWN", path, message, fix: PSS_CODES.PSS_UNKNOWN.fix, control });
  }
  /**
   * One scalar field: unset (undefined/null) or `ok(v)` passes; an unknown or a value of
   * the wrong type is "cannot tell"; anything else is a finding.
   */
  field(
    code: Exclude<PssCode, "PSS_UNKNOWN">,
    path: string,
    v: unknown,
    type: "boolean" | "string" | "number",
    ok: (v: unknown) => boolean,
    message: () => string,
  ): void {
    if (v === undefined || v === null || (typeof v === type && ok(v))) return;
    if (typeof v !== type) this.unknown(PSS_CODES[code].control, path, v);
    else this.add(code, path, message());
  }
}

/** One container, located. */
export interface ContainerRef {
  readonly list: keyof typeof CONTAINER_LISTS;
  readonly path: string;
  readonly label: string;
  readonly value: Record<string, unknown>;
  /** Its securityContext when it is an object; undefined when unset or unreadable. */
  readonly sc: Record<string, unknown> | undefined;
  /** True when the securityContext is unknown or malformed (already reported as PSS_UNKNOWN): skip its checks. */
  readonly scUnreadable: boolean;
  readonly scPath: string;
}

/** Every container of the three lists, located and labelled; unreadable ones are reported as PSS_UNKNOWN. */
export function containersOf(podSpec: unknown, prefix: string, f: Findings): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of Object.keys(CONTAINER_LISTS) as (keyof typeof CONTAINER_LISTS)[]) {
    const items = listOf(get(podSpec, list));
    if (items === UNKNOWN || items === "invalid") {
      for (const c of ALL_CONTROLS)
        f.unknown(c, `${prefix}.${list}`, items === UNKNOWN ? items : "a non-list");
      continue;
    }
    items.forEach((value, i) => {
      const path = `${prefix}.${list}[${i}]`;
      if (!isRecord(value)) {
        for (const c of ALL_CONTROLS) f.unknown(c, path, value);
        return;
      }
      const name = get(value, "name");
      const label = `${CONTAINER_LISTS[list]} ${typeof name === "string" ? `"${name}"` : `#${i}`}`;
      const scPath = `${path}.securityContext`;
      const sc = get(value, "securityContext");
      const scUnreadable = sc === UNKNOWN || (sc !== undefined && sc !== null && !isRecord(sc));
      if (scUnreadable) for (const c of SC_CONTROLS) f.unknown(c, scPath, sc);
      out.push({ list, path, label, value, sc: isRecord(sc) ? sc : undefined, scUnreadable, scPath });
    });
  }
  return out;
}
