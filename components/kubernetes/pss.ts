/**
 * The Kubernetes Pod Security Standards, restricted profile (which includes the
 * baseline profile), as a pure function over a pod spec, plus the Paved extras
 * (pinned images, resource limits and requests).
 *
 * Source: https://kubernetes.io/docs/concepts/security/pod-security-standards/
 * (the latest version of the profile). Every container-level control covers
 * `containers`, `initContainers` and `ephemeralContainers`.
 *
 * Shared by the components (which refuse a non-compliant pod spec) and the policy
 * pack (which reports one policy per control group). Pulumi-free; never throws.
 */
import { UNKNOWN, get, imagePin, isRecord, keysOf, listOf } from "./workloads";

/** The PSS controls (baseline and restricted) and the Paved extras, each checkable on its own. */
export const PSS_CONTROLS = [
  "hostProcess",
  "hostNamespaces",
  "privileged",
  "capabilities",
  "hostPath",
  "hostPorts",
  "appArmor",
  "seLinux",
  "procMount",
  "seccomp",
  "sysctls",
  "volumeTypes",
  "privilegeEscalation",
  "runAsNonRoot",
  "runAsUser",
] as const;
export const PAVED_POD_CONTROLS = ["imagePinned", "resources"] as const;
export type PssControl = (typeof PSS_CONTROLS)[number] | (typeof PAVED_POD_CONTROLS)[number];

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

/** Options for {@link checkPodSpec}. */
export interface PssCheckOptions {
  /** Path of the pod spec inside its object, prefixed to every finding. @default "spec" */
  readonly path?: string;
  /** The pod (template) metadata, whose AppArmor annotations PSS reads. @default undefined */
  readonly metadata?: unknown;
  /** Only these controls. @default every control in PSS_CONTROLS and PAVED_POD_CONTROLS */
  readonly controls?: readonly PssControl[];
  /** imagePinned: require a digest (`@sha256:...`); a tag alone is then a finding. @default false */
  readonly requireImageDigest?: boolean;
}

export const PSS_UNKNOWN = "PSS_UNKNOWN";
export const ALLOWED_ADD_CAPABILITIES: readonly string[] = ["NET_BIND_SERVICE"];
export const ALLOWED_VOLUME_TYPES: readonly string[] = [
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
];
export const SAFE_SYSCTLS: readonly string[] = [
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
];
const SELINUX_TYPES: readonly string[] = [
  "",
  "container_t",
  "container_init_t",
  "container_kvm_t",
  "container_engine_t",
];
const PROFILE_TYPES: readonly string[] = ["RuntimeDefault", "Localhost"];
const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
const CONTAINER_LISTS = ["containers", "initContainers", "ephemeralContainers"] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/** Collects findings for the selected controls. Exported for the extras module only. */
export class Findings {
  readonly list: PssFinding[] = [];
  constructor(private readonly only: ReadonlySet<PssControl> | undefined) {}
  on(control: PssControl): boolean {
    return this.only === undefined || this.only.has(control);
  }
  add(control: PssControl, code: string, path: string, message: string, fix: string): void {
    if (this.on(control)) this.list.push({ code, path, message, fix, control });
  }
  /** "Cannot tell": the value at `path` is unknown (preview) or not of the expected shape. */
  unknown(control: PssControl, path: string, value: unknown): void {
    const why =
      value === UNKNOWN ? "is not known until apply (preview)" : `has an unexpected value ${show(value)}`;
    this.add(
      control,
      PSS_UNKNOWN,
      path,
      `${path} ${why}, so ${control} cannot be checked`,
      "give it a plain value known at preview, or check again after apply",
    );
  }
}

/** A short rendering of an odd value for messages. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : String(v);
}

/** One container, located. */
export interface ContainerRef {
  readonly list: ContainerList;
  readonly path: string;
  readonly label: string;
  readonly value: unknown;
}

/**
 * Checks a pod spec against the PSS restricted profile and the Paved extras.
 *
 * An unknown or malformed value never throws: it yields a `PSS_UNKNOWN` finding
 * naming the control it blocks, so a policy can skip it or report it as advisory.
 * Windows pods (`spec.os.name: windows`) are exempt from the privilege-escalation,
 * seccomp and capabilities controls, as in the profile.
 *
 * @example checkPodSpec(deployment.spec.template.spec, { path: "spec.template.spec" })
 */
export function checkPodSpec(podSpec: unknown, opts: PssCheckOptions = {}): PssFinding[] {
  const prefix = opts.path ?? "spec";
  const f = new Findings(opts.controls ? new Set(opts.controls) : undefined);
  if (!isRecord(podSpec)) {
    for (const c of [...PSS_CONTROLS, ...PAVED_POD_CONTROLS]) f.unknown(c, prefix, podSpec);
    return f.list;
  }
  const containers = containersOf(podSpec, prefix, f);
  const windows = get(get(podSpec, "os"), "name") === "windows";
  const psc = get(podSpec, "securityContext");
  const pscPath = `${prefix}.securityContext`;
  if (psc === UNKNOWN || (psc !== undefined && !isRecord(psc))) {
    for (const c of POD_SC_CONTROLS) f.unknown(c, pscPath, psc);
  }
  checkHostNamespaces(podSpec, prefix, f);
  checkVolumes(podSpec, prefix, f);
  checkSysctls(psc, pscPath, f);
  checkAppArmorAnnotations(opts.metadata, prefix, f);
  for (const c of containers) checkContainer(c, f);
  checkHostProcess(psc, pscPath, containers, f);
  checkPodAndContainerProfiles(psc, pscPath, containers, f);
  if (!windows) checkSeccomp(psc, pscPath, containers, f);
  checkRunAsNonRoot(psc, pscPath, containers, f);
  checkRunAsUser(psc, pscPath, containers, f);
  checkImages(containers, opts.requireImageDigest === true, f);
  checkResources(containers, f);
  if (windows)
    return f.list.filter((x) => x.control !== "privilegeEscalation" && x.control !== "capabilities");
  return f.list;
}

const POD_SC_CONTROLS: readonly PssControl[] = [
  "hostProcess",
  "appArmor",
  "seLinux",
  "seccomp",
  "sysctls",
  "runAsNonRoot",
  "runAsUser",
];

function containersOf(podSpec: unknown, prefix: string, f: Findings): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = listOf(get(podSpec, list));
    if (items === UNKNOWN || items === "invalid") {
      for (const c of [...PSS_CONTROLS, ...PAVED_POD_CONTROLS]) f.unknown(c, `${prefix}.${list}`, items);
      continue;
    }
    items.forEach((value, i) => {
      const name = get(value, "name");
      const kind =
        list === "containers"
          ? "container"
          : list === "initContainers"
            ? "init container"
            : "ephemeral container";
      const label = typeof name === "string" ? `${kind} "${name}"` : `${kind} #${i}`;
      out.push({ list, path: `${prefix}.${list}[${i}]`, label, value });
    });
  }
  return out;
}

function checkHostNamespaces(podSpec: unknown, prefix: string, f: Findings): void {
  for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
    const v = get(podSpec, field);
    if (v === true) {
      f.add(
        "hostNamespaces",
        "PSS_HOST_NAMESPACES",
        `${prefix}.${field}`,
        `the pod shares the host's namespace (${field}: true)`,
        `remove ${field} or set it to false`,
      );
    } else if (v !== undefined && v !== false && v !== null)
      f.unknown("hostNamespaces", `${prefix}.${field}`, v);
  }
}

function checkVolumes(podSpec: unknown, prefix: string, f: Findings): void {
  const vols = listOf(get(podSpec, "volumes"));
  if (vols === UNKNOWN || vols === "invalid") {
    f.unknown("hostPath", `${prefix}.volumes`, vols);
    f.unknown("volumeTypes", `${prefix}.volumes`, vols);
    return;
  }
  vols.forEach((vol, i) => {
    const path = `${prefix}.volumes[${i}]`;
    const keys = keysOf(vol);
    if (keys === UNKNOWN || !isRecord(vol)) {
      f.unknown("hostPath", path, vol);
      f.unknown("volumeTypes", path, vol);
      return;
    }
    const name = get(vol, "name");
    const label = typeof name === "string" ? `volume "${name}"` : `volume #${i}`;
    for (const key of keys) {
      const v = get(vol, key);
      if (key === "name" || v === undefined || v === null || ALLOWED_VOLUME_TYPES.includes(key)) continue;
      if (key === "hostPath") {
        f.add(
          "hostPath",
          "PSS_HOST_PATH",
          `${path}.hostPath`,
          `${label} mounts a hostPath`,
          "use a PVC, emptyDir, configMap or secret volume instead",
        );
      } else {
        f.add(
          "volumeTypes",
          "PSS_VOLUME_TYPE",
          `${path}.${key}`,
          `${label} has type ${key}, which the restricted profile forbids`,
          `use one of ${ALLOWED_VOLUME_TYPES.join(", ")} (a PersistentVolumeClaim for network storage)`,
        );
      }
    }
  });
}

function checkSysctls(psc: unknown, pscPath: string, f: Findings): void {
  const list = listOf(get(psc, "sysctls"));
  if (list === UNKNOWN || list === "invalid") return f.unknown("sysctls", `${pscPath}.sysctls`, list);
  list.forEach((s, i) => {
    const name = get(s, "name");
    const path = `${pscPath}.sysctls[${i}].name`;
    if (typeof name !== "string") return f.unknown("sysctls", path, name);
    if (!SAFE_SYSCTLS.includes(name)) {
      f.add(
        "sysctls",
        "PSS_SYSCTLS",
        path,
        `the pod sets sysctl ${name}, which is not in the safe set`,
        `remove it; only ${SAFE_SYSCTLS.join(", ")} are allowed`,
      );
    }
  });
}

function checkAppArmorAnnotations(metadata: unknown, prefix: string, f: Findings): void {
  const annotations = get(metadata, "annotations");
  const metaPath =
    prefix === "spec" ? "metadata.annotations" : `${prefix.slice(0, -".spec".length)}.metadata.annotations`;
  const keys = keysOf(annotations);
  if (keys === UNKNOWN) return f.unknown("appArmor", metaPath, UNKNOWN);
  for (const key of keys) {
    if (!key.startsWith(APPARMOR_ANNOTATION)) continue;
    const v = get(annotations, key);
    if (v === UNKNOWN) {
      f.unknown("appArmor", `${metaPath}["${key}"]`, v);
    } else if (
      v !== undefined &&
      v !== "runtime/default" &&
      !(typeof v === "string" && v.startsWith("localhost/"))
    ) {
      f.add(
        "appArmor",
        "PSS_APPARMOR",
        `${metaPath}["${key}"]`,
        `AppArmor annotation ${key} is ${show(v)}`,
        'use "runtime/default" or "localhost/<profile>"',
      );
    }
  }
}

/** Container-only controls: privileged, capabilities, hostPorts, procMount, privilegeEscalation. */
function checkContainer(c: ContainerRef, f: Findings): void {
  if (!isRecord(c.value)) {
    for (const ctl of [...PSS_CONTROLS, ...PAVED_POD_CONTROLS]) f.unknown(ctl, c.path, c.value);
    return;
  }
  const sc = get(c.value, "securityContext");
  const scPath = `${c.path}.securityContext`;
  if (sc === UNKNOWN || (sc !== undefined && sc !== null && !isRecord(sc))) {
    for (const ctl of [
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
    ] as const) {
      f.unknown(ctl, scPath, sc);
    }
    return checkHostPorts(c, f);
  }
  const priv = get(sc, "privileged");
  if (priv === true) {
    f.add(
      "privileged",
      "PSS_PRIVILEGED",
      `${scPath}.privileged`,
      `${c.label} is privileged`,
      "remove securityContext.privileged or set it to false",
    );
  } else if (priv !== undefined && priv !== false && priv !== null)
    f.unknown("privileged", `${scPath}.privileged`, priv);

  const ape = get(sc, "allowPrivilegeEscalation");
  if (ape === UNKNOWN || (ape !== undefined && ape !== null && typeof ape !== "boolean")) {
    f.unknown("privilegeEscalation", `${scPath}.allowPrivilegeEscalation`, ape);
  } else if (ape !== false) {
    f.add(
      "privilegeEscalation",
      "PSS_PRIVILEGE_ESCALATION",
      `${scPath}.allowPrivilegeEscalation`,
      ape === true
        ? `${c.label} allows privilege escalation`
        : `${c.label} does not set allowPrivilegeEscalation: false`,
      "set securityContext.allowPrivilegeEscalation: false",
    );
  }

  const pm = get(sc, "procMount");
  if (pm === UNKNOWN) f.unknown("procMount", `${scPath}.procMount`, pm);
  else if (pm !== undefined && pm !== null && pm !== "Default") {
    f.add(
      "procMount",
      "PSS_PROC_MOUNT",
      `${scPath}.procMount`,
      `${c.label} sets procMount ${show(pm)}`,
      'remove procMount or set it to "Default"',
    );
  }
  checkCapabilities(c, get(sc, "capabilities"), `${scPath}.capabilities`, f);
  checkHostPorts(c, f);
}

function checkCapabilities(c: ContainerRef, caps: unknown, path: string, f: Findings): void {
  if (caps === UNKNOWN || (caps !== undefined && caps !== null && !isRecord(caps)))
    return f.unknown("capabilities", path, caps);
  const drop = listOf(get(caps, "drop"));
  if (drop === UNKNOWN || drop === "invalid") f.unknown("capabilities", `${path}.drop`, drop);
  else if (drop.some((d) => d === UNKNOWN)) f.unknown("capabilities", `${path}.drop`, UNKNOWN);
  else if (!drop.includes("ALL")) {
    f.add(
      "capabilities",
      "PSS_CAPABILITIES_DROP",
      `${path}.drop`,
      `${c.label} does not drop ALL capabilities`,
      'set securityContext.capabilities.drop: ["ALL"]',
    );
  }
  const add = listOf(get(caps, "add"));
  if (add === UNKNOWN || add === "invalid") return f.unknown("capabilities", `${path}.add`, add);
  add.forEach((cap, i) => {
    if (cap === UNKNOWN) return f.unknown("capabilities", `${path}.add[${i}]`, cap);
    if (typeof cap !== "string" || !ALLOWED_ADD_CAPABILITIES.includes(cap)) {
      f.add(
        "capabilities",
        "PSS_CAPABILITIES_ADD",
        `${path}.add[${i}]`,
        `${c.label} adds capability ${show(cap)}`,
        "add no capability other than NET_BIND_SERVICE",
      );
    }
  });
}

function checkHostPorts(c: ContainerRef, f: Findings): void {
  const ports = listOf(get(c.value, "ports"));
  if (ports === UNKNOWN || ports === "invalid") return f.unknown("hostPorts", `${c.path}.ports`, ports);
  ports.forEach((p, i) => {
    const hp = get(p, "hostPort");
    const path = `${c.path}.ports[${i}].hostPort`;
    if (hp === UNKNOWN) f.unknown("hostPorts", path, hp);
    else if (hp !== undefined && hp !== null && hp !== 0) {
      f.add(
        "hostPorts",
        "PSS_HOST_PORTS",
        path,
        `${c.label} binds host port ${show(hp)}`,
        "remove hostPort (or set it to 0) and expose the pod through a Service",
      );
    }
  });
}

/** The container's securityContext when it is a record, else undefined (problems were reported by checkContainer). */
function containerSc(c: ContainerRef): Record<string, unknown> | undefined {
  const sc = get(c.value, "securityContext");
  return isRecord(sc) ? sc : undefined;
}

function checkHostProcess(
  psc: unknown,
  pscPath: string,
  containers: readonly ContainerRef[],
  f: Findings,
): void {
  const one = (sc: unknown, path: string, who: string): void => {
    const v = get(get(sc, "windowsOptions"), "hostProcess");
    if (v === true)
      f.add(
        "hostProcess",
        "PSS_HOST_PROCESS",
        path,
        `${who} runs as a Windows HostProcess`,
        "remove windowsOptions.hostProcess or set it to false",
      );
    else if (v !== undefined && v !== false && v !== null) f.unknown("hostProcess", path, v);
  };
  one(psc, `${pscPath}.windowsOptions.hostProcess`, "the pod");
  for (const c of containers)
    one(containerSc(c), `${c.path}.securityContext.windowsOptions.hostProcess`, c.label);
}

/** AppArmor profile fields and SELinux options, at pod and container level. */
function checkPodAndContainerProfiles(
  psc: unknown,
  pscPath: string,
  containers: readonly ContainerRef[],
  f: Findings,
): void {
  const one = (sc: unknown, path: string, who: string): void => {
    const aa = get(get(sc, "appArmorProfile"), "type");
    if (aa === UNKNOWN) f.unknown("appArmor", `${path}.appArmorProfile.type`, aa);
    else if (aa !== undefined && aa !== null && !PROFILE_TYPES.includes(aa as string)) {
      f.add(
        "appArmor",
        "PSS_APPARMOR",
        `${path}.appArmorProfile.type`,
        `${who} sets AppArmor profile ${show(aa)}`,
        'use type "RuntimeDefault" or "Localhost", or leave it unset',
      );
    }
    const se = get(sc, "seLinuxOptions");
    if (se === UNKNOWN) return f.unknown("seLinux", `${path}.seLinuxOptions`, se);
    const type = get(se, "type");
    if (type === UNKNOWN) f.unknown("seLinux", `${path}.seLinuxOptions.type`, type);
    else if (type !== undefined && type !== null && !SELINUX_TYPES.includes(type as string)) {
      f.add(
        "seLinux",
        "PSS_SELINUX",
        `${path}.seLinuxOptions.type`,
        `${who} sets SELinux type ${show(type)}`,
        `use one of ${SELINUX_TYPES.filter((t) => t).join(", ")} or leave it unset`,
      );
    }
    for (const field of ["user", "role"]) {
      const v = get(se, field);
      if (v === UNKNOWN) f.unknown("seLinux", `${path}.seLinuxOptions.${field}`, v);
      else if (v !== undefined && v !== null && v !== "") {
        f.add(
          "seLinux",
          "PSS_SELINUX",
          `${path}.seLinuxOptions.${field}`,
          `${who} sets a custom SELinux ${field}`,
          `remove seLinuxOptions.${field}`,
        );
      }
    }
  };
  one(psc, pscPath, "the pod");
  for (const c of containers) one(containerSc(c), `${c.path}.securityContext`, c.label);
}

function checkSeccomp(psc: unknown, pscPath: string, containers: readonly ContainerRef[], f: Findings): void {
  const podType = get(get(psc, "seccompProfile"), "type");
  const podPath = `${pscPath}.seccompProfile.type`;
  const podOk = typeof podType === "string" && PROFILE_TYPES.includes(podType);
  if (podType === UNKNOWN) f.unknown("seccomp", podPath, podType);
  else if (podType !== undefined && podType !== null && !podOk) {
    f.add(
      "seccomp",
      "PSS_SECCOMP",
      podPath,
      `the pod sets seccomp profile ${show(podType)}`,
      'use type "RuntimeDefault" (or "Localhost")',
    );
  }
  for (const c of containers) {
    if (!isRecord(c.value)) continue;
    const t = get(get(containerSc(c), "seccompProfile"), "type");
    const path = `${c.path}.securityContext.seccompProfile.type`;
    if (t === UNKNOWN) f.unknown("seccomp", path, t);
    else if (t !== undefined && t !== null) {
      if (!(typeof t === "string" && PROFILE_TYPES.includes(t))) {
        f.add(
          "seccomp",
          "PSS_SECCOMP",
          path,
          `${c.label} sets seccomp profile ${show(t)}`,
          'use type "RuntimeDefault" (or "Localhost")',
        );
      }
    } else if (!podOk && podType !== UNKNOWN) {
      f.add(
        "seccomp",
        "PSS_SECCOMP",
        path,
        `${c.label} has no seccomp profile, and the pod sets none`,
        'set spec.securityContext.seccompProfile.type: "RuntimeDefault"',
      );
    }
  }
}

function checkRunAsNonRoot(
  psc: unknown,
  pscPath: string,
  containers: readonly ContainerRef[],
  f: Findings,
): void {
  const pod = get(psc, "runAsNonRoot");
  const podPath = `${pscPath}.runAsNonRoot`;
  if (pod === false)
    f.add(
      "runAsNonRoot",
      "PSS_RUN_AS_NON_ROOT",
      podPath,
      "the pod sets runAsNonRoot: false",
      "set spec.securityContext.runAsNonRoot: true",
    );
  else if (pod !== undefined && pod !== null && pod !== true) f.unknown("runAsNonRoot", podPath, pod);
  for (const c of containers) {
    if (!isRecord(c.value)) continue;
    const v = get(containerSc(c), "runAsNonRoot");
    const path = `${c.path}.securityContext.runAsNonRoot`;
    if (v === false)
      f.add(
        "runAsNonRoot",
        "PSS_RUN_AS_NON_ROOT",
        path,
        `${c.label} sets runAsNonRoot: false`,
        "set runAsNonRoot: true",
      );
    else if (v === UNKNOWN || (v !== undefined && v !== null && v !== true))
      f.unknown("runAsNonRoot", path, v);
    else if (v !== true && pod !== true && pod !== UNKNOWN) {
      f.add(
        "runAsNonRoot",
        "PSS_RUN_AS_NON_ROOT",
        path,
        `${c.label} may run as root: neither it nor the pod sets runAsNonRoot: true`,
        "set spec.securityContext.runAsNonRoot: true",
      );
    }
  }
}

function checkRunAsUser(
  psc: unknown,
  pscPath: string,
  containers: readonly ContainerRef[],
  f: Findings,
): void {
  const one = (v: unknown, path: string, who: string): void => {
    if (v === 0)
      f.add(
        "runAsUser",
        "PSS_RUN_AS_USER",
        path,
        `${who} runs as user 0 (root)`,
        "set runAsUser to a non-zero UID, or leave it unset",
      );
    else if (v === UNKNOWN || (v !== undefined && v !== null && typeof v !== "number"))
      f.unknown("runAsUser", path, v);
  };
  one(get(psc, "runAsUser"), `${pscPath}.runAsUser`, "the pod");
  for (const c of containers) {
    if (isRecord(c.value))
      one(get(containerSc(c), "runAsUser"), `${c.path}.securityContext.runAsUser`, c.label);
  }
}

function checkImages(containers: readonly ContainerRef[], requireDigest: boolean, f: Findings): void {
  for (const c of containers) {
    if (!isRecord(c.value)) continue;
    const image = get(c.value, "image");
    const path = `${c.path}.image`;
    if (image === UNKNOWN) {
      f.unknown("imagePinned", path, image);
      continue;
    }
    const pin = typeof image === "string" ? imagePin(image) : "invalid";
    const problem = {
      digest: undefined,
      tag: requireDigest ? "is pinned by tag only, and this stack requires a digest" : undefined,
      latest: "uses the mutable tag latest",
      untagged: "has no tag, so it pulls latest",
      invalid: `has no valid image reference (${show(image)})`,
    }[pin];
    if (problem !== undefined) {
      f.add(
        "imagePinned",
        "PAVED_IMAGE_UNPINNED",
        path,
        `${c.label} image ${problem}`,
        requireDigest
          ? "pin the image by digest: repo/app@sha256:<digest>"
          : "pin the image by a release tag (repo/app:1.4.2) or a digest (@sha256:...)",
      );
    }
  }
}

/** Containers and init containers (ephemeral containers cannot carry resources) need CPU and memory limits and requests. */
function checkResources(containers: readonly ContainerRef[], f: Findings): void {
  for (const c of containers) {
    if (c.list === "ephemeralContainers" || !isRecord(c.value)) continue;
    const res = get(c.value, "resources");
    for (const [kind, code] of [
      ["limits", "PAVED_LIMITS_MISSING"],
      ["requests", "PAVED_REQUESTS_MISSING"],
    ] as const) {
      const map = get(res, kind);
      const path = `${c.path}.resources.${kind}`;
      if (res === UNKNOWN || map === UNKNOWN) {
        f.unknown("resources", path, UNKNOWN);
        continue;
      }
      const missing: string[] = [];
      for (const r of ["cpu", "memory"]) {
        const v = get(map, r);
        if (v === UNKNOWN) f.unknown("resources", `${path}.${r}`, v);
        else if (v === undefined || v === null || v === "") missing.push(r);
      }
      if (missing.length > 0) {
        f.add(
          "resources",
          code,
          path,
          `${c.label} has no ${missing.join(" or ")} ${kind}`,
          `set resources.${kind}.${missing.join(" and resources." + kind + ".")}`,
        );
      }
    }
  }
}
