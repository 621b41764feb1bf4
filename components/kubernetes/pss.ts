/**
 * The Kubernetes Pod Security Standards, restricted profile (which includes the
 * baseline profile), as a pure function over a pod spec, plus the Paved extras
 * (pinned images, CPU and memory limits and requests).
 *
 * Source: https://kubernetes.io/docs/concepts/security/pod-security-standards/
 * (the latest version of the profile). Every container-level control covers
 * `containers`, `initContainers` and `ephemeralContainers`.
 *
 * Shared by the components (which refuse a non-compliant pod spec) and the policy
 * pack (one policy per control group). Pulumi-free; never throws.
 */
import type { PssControl } from "./pss-codes";
import { ALL_CONTROLS, type ContainerRef, Findings, type PssFinding, containersOf } from "./pss-core";
import { checkImages, checkResources } from "./pss-extras";
import { UNKNOWN, get, isRecord, keysOf, known, listOf, show } from "./workloads";

export * from "./pss-codes";
export type { PssFinding } from "./pss-core";
export { podSpecsOf, kubernetesTypeOf, isWorkloadKind, imagePin, type PodSpecRef } from "./workloads";

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
const SELINUX_TYPES: readonly unknown[] = [
  "",
  "container_t",
  "container_init_t",
  "container_kvm_t",
  "container_engine_t",
];
const PROFILE_TYPES: readonly unknown[] = ["RuntimeDefault", "Localhost"];
const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
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
  podSpec = known(podSpec);
  if (!isRecord(podSpec)) {
    for (const c of ALL_CONTROLS) f.unknown(c, prefix, podSpec);
    return f.list;
  }
  const containers = containersOf(podSpec, prefix, f);
  const windows = get(get(podSpec, "os"), "name") === "windows";
  const pscPath = `${prefix}.securityContext`;
  let psc = get(podSpec, "securityContext");
  if (psc === UNKNOWN || (psc !== undefined && psc !== null && !isRecord(psc))) {
    for (const c of [
      "hostProcess",
      "appArmor",
      "seLinux",
      "seccomp",
      "sysctls",
      "runAsNonRoot",
      "runAsUser",
    ] as const) {
      f.unknown(c, pscPath, psc);
    }
    psc = UNKNOWN;
  }
  // Whole groups are skipped when none of their controls is selected (a policy asks for one or two).
  for (const field of f.on("hostNamespaces") ? ["hostNetwork", "hostPID", "hostIPC"] : []) {
    const msg = () => `the pod shares the host's namespace (${field}: true)`;
    const v = get(podSpec, field);
    f.field("PSS_HOST_NAMESPACES", `${prefix}.${field}`, v, "boolean", (x) => x === false, msg);
  }
  if (f.on("hostPath", "volumeTypes")) checkVolumes(podSpec, prefix, f);
  if (psc !== UNKNOWN && f.on("sysctls")) checkSysctls(psc, pscPath, f);
  if (f.on("appArmor")) checkAppArmorAnnotations(opts.metadata, prefix, f);
  if (f.on("hostProcess", "runAsUser", "appArmor", "seLinux")) {
    const pod = {
      sc: psc === UNKNOWN ? undefined : (psc as Record<string, unknown> | undefined),
      scPath: pscPath,
    };
    for (const ctx of [{ ...pod, label: "the pod" }, ...containers])
      checkCommonSc(ctx.sc, ctx.scPath, ctx.label, f);
  }
  if (f.on("privileged", "procMount", "privilegeEscalation", "capabilities", "hostPorts")) {
    for (const c of containers) checkContainer(c, windows, f);
  }
  if (!windows && f.on("seccomp")) checkSeccomp(psc, pscPath, containers, f);
  if (f.on("runAsNonRoot")) checkRunAsNonRoot(psc, pscPath, containers, f);
  if (f.on("imagePinned")) checkImages(containers, opts.requireImageDigest === true, f);
  if (f.on("resources")) checkResources(containers, f);
  return f.list;
}

function checkVolumes(podSpec: unknown, prefix: string, f: Findings): void {
  const vols = listOf(get(podSpec, "volumes"));
  if (vols === UNKNOWN || vols === "invalid") {
    f.unknown("hostPath", `${prefix}.volumes`, vols);
    return f.unknown("volumeTypes", `${prefix}.volumes`, vols);
  }
  vols.forEach((vol, i) => {
    const path = `${prefix}.volumes[${i}]`;
    const keys = keysOf(vol);
    if (keys === UNKNOWN || !isRecord(vol)) {
      f.unknown("hostPath", path, vol);
      return f.unknown("volumeTypes", path, vol);
    }
    const name = get(vol, "name");
    const label = typeof name === "string" ? `volume "${name}"` : `volume #${i}`;
    for (const key of keys) {
      const v = get(vol, key);
      if (key === "name" || v === undefined || v === null || ALLOWED_VOLUME_TYPES.includes(key)) continue;
      if (key === "hostPath") f.add("PSS_HOST_PATH", `${path}.hostPath`, `${label} mounts a hostPath`);
      else f.add("PSS_VOLUME_TYPE", `${path}.${key}`, `${label} has type ${key}, which the profile forbids`);
    }
  });
}

function checkSysctls(psc: unknown, pscPath: string, f: Findings): void {
  const list = listOf(get(psc, "sysctls"));
  if (list === UNKNOWN || list === "invalid") return f.unknown("sysctls", `${pscPath}.sysctls`, list);
  list.forEach((s, i) => {
    const msg = () => `the pod sets sysctl ${show(get(s, "name"))}, which is not in the safe set`;
    const path = `${pscPath}.sysctls[${i}].name`;
    const name = get(s, "name");
    if (name === undefined) f.unknown("sysctls", path, name);
    else f.field("PSS_SYSCTLS", path, name, "string", (v) => SAFE_SYSCTLS.includes(v as string), msg);
  });
}

function checkAppArmorAnnotations(metadata: unknown, prefix: string, f: Findings): void {
  const annotations = get(metadata, "annotations");
  const base = prefix === "spec" ? "" : `${prefix.slice(0, -".spec".length)}.`;
  const keys = keysOf(annotations);
  if (keys === UNKNOWN) return f.unknown("appArmor", `${base}metadata.annotations`, UNKNOWN);
  for (const key of keys.filter((k) => k.startsWith(APPARMOR_ANNOTATION))) {
    const v = get(annotations, key);
    const ok = (x: unknown) => x === "runtime/default" || (x as string).startsWith("localhost/");
    const msg = () => `AppArmor annotation ${key} is ${show(v)}`;
    f.field("PSS_APPARMOR", `${base}metadata.annotations["${key}"]`, v, "string", ok, msg);
  }
}

/** Fields that exist at pod and container level: hostProcess, runAsUser, AppArmor profile, SELinux options. */
function checkCommonSc(
  sc: Record<string, unknown> | undefined,
  scPath: string,
  who: string,
  f: Findings,
): void {
  if (sc === undefined) return;
  const isFalse = (v: unknown) => v === false;
  const hp = get(get(sc, "windowsOptions"), "hostProcess");
  f.field(
    "PSS_HOST_PROCESS",
    `${scPath}.windowsOptions.hostProcess`,
    hp,
    "boolean",
    isFalse,
    () => `${who} runs as a Windows HostProcess`,
  );
  const uid = get(sc, "runAsUser");
  f.field(
    "PSS_RUN_AS_USER",
    `${scPath}.runAsUser`,
    uid,
    "number",
    (v) => v !== 0,
    () => `${who} runs as user 0 (root)`,
  );
  const aa = get(get(sc, "appArmorProfile"), "type");
  const aaMsg = () => `${who} sets AppArmor profile ${show(aa)}`;
  f.field(
    "PSS_APPARMOR",
    `${scPath}.appArmorProfile.type`,
    aa,
    "string",
    (v) => PROFILE_TYPES.includes(v),
    aaMsg,
  );
  const se = get(sc, "seLinuxOptions");
  if (se === UNKNOWN) return f.unknown("seLinux", `${scPath}.seLinuxOptions`, se);
  const type = get(se, "type");
  const typeMsg = () => `${who} sets SELinux type ${show(type)}`;
  f.field(
    "PSS_SELINUX",
    `${scPath}.seLinuxOptions.type`,
    type,
    "string",
    (v) => SELINUX_TYPES.includes(v),
    typeMsg,
  );
  for (const field of ["user", "role"]) {
    const msg = () => `${who} sets a custom SELinux ${field}`;
    f.field(
      "PSS_SELINUX",
      `${scPath}.seLinuxOptions.${field}`,
      get(se, field),
      "string",
      (v) => v === "",
      msg,
    );
  }
}

/** Container-only controls: privileged, privilegeEscalation, procMount, capabilities, hostPorts. */
function checkContainer(c: ContainerRef, windows: boolean, f: Findings): void {
  const { sc, scPath, label } = c;
  const priv = get(sc, "privileged");
  f.field(
    "PSS_PRIVILEGED",
    `${scPath}.privileged`,
    priv,
    "boolean",
    (v) => v === false,
    () => `${label} is privileged`,
  );
  const pm = get(sc, "procMount");
  const pmMsg = () => `${label} sets procMount ${show(pm)}`;
  f.field("PSS_PROC_MOUNT", `${scPath}.procMount`, pm, "string", (v) => v === "Default", pmMsg);
  if (!windows && !c.scUnreadable) {
    const ape = get(sc, "allowPrivilegeEscalation");
    const path = `${scPath}.allowPrivilegeEscalation`;
    if (ape === true) f.add("PSS_PRIVILEGE_ESCALATION", path, `${label} allows privilege escalation`);
    else if (ape === undefined || ape === null) {
      f.add("PSS_PRIVILEGE_ESCALATION", path, `${label} does not set allowPrivilegeEscalation: false`);
    } else if (ape !== false) f.unknown("privilegeEscalation", path, ape);
    checkCapabilities(c, f);
  }
  checkHostPorts(c, f);
}

function checkCapabilities(c: ContainerRef, f: Findings): void {
  const caps = get(c.sc, "capabilities");
  const path = `${c.scPath}.capabilities`;
  if (caps === UNKNOWN || (caps !== undefined && caps !== null && !isRecord(caps))) {
    return f.unknown("capabilities", path, caps);
  }
  const drop = listOf(get(caps, "drop"));
  if (drop === UNKNOWN || drop === "invalid") f.unknown("capabilities", `${path}.drop`, drop);
  else if (drop.includes(UNKNOWN)) f.unknown("capabilities", `${path}.drop`, UNKNOWN);
  else if (!drop.includes("ALL"))
    f.add("PSS_CAPABILITIES_DROP", `${path}.drop`, `${c.label} does not drop ALL`);
  const add = listOf(get(caps, "add"));
  if (add === UNKNOWN || add === "invalid") return f.unknown("capabilities", `${path}.add`, add);
  add.forEach((cap, i) => {
    const msg = () => `${c.label} adds capability ${show(cap)}`;
    const ok = (v: unknown) => ALLOWED_ADD_CAPABILITIES.includes(v as string);
    if (cap === UNKNOWN) f.unknown("capabilities", `${path}.add[${i}]`, cap);
    else f.field("PSS_CAPABILITIES_ADD", `${path}.add[${i}]`, cap ?? "", "string", ok, msg);
  });
}

function checkHostPorts(c: ContainerRef, f: Findings): void {
  const ports = listOf(get(c.value, "ports"));
  if (ports === UNKNOWN || ports === "invalid") return f.unknown("hostPorts", `${c.path}.ports`, ports);
  ports.forEach((p, i) => {
    const hp = get(p, "hostPort");
    const msg = () => `${c.label} binds host port ${show(hp)}`;
    f.field("PSS_HOST_PORTS", `${c.path}.ports[${i}].hostPort`, hp, "number", (v) => v === 0, msg);
  });
}

function checkSeccomp(psc: unknown, pscPath: string, containers: readonly ContainerRef[], f: Findings): void {
  const podType = get(get(psc, "seccompProfile"), "type");
  const ok = (v: unknown) => PROFILE_TYPES.includes(v);
  const podPath = `${pscPath}.seccompProfile.type`;
  if (psc !== UNKNOWN)
    f.field("PSS_SECCOMP", podPath, podType, "string", ok, () => `the pod sets seccomp ${show(podType)}`);
  for (const c of containers) {
    if (c.scUnreadable) continue;
    const t = get(get(c.sc, "seccompProfile"), "type");
    const path = `${c.scPath}.seccompProfile.type`;
    if (t === undefined || t === null) {
      // Only when the pod sets none: a bad pod-level profile is reported once, at the pod.
      if ((podType === undefined || podType === null) && psc !== UNKNOWN) {
        f.add("PSS_SECCOMP", path, `${c.label} has no seccomp profile, and the pod sets none`);
      }
    } else f.field("PSS_SECCOMP", path, t, "string", ok, () => `${c.label} sets seccomp ${show(t)}`);
  }
}

function checkRunAsNonRoot(
  psc: unknown,
  pscPath: string,
  containers: readonly ContainerRef[],
  f: Findings,
): void {
  const pod = get(psc, "runAsNonRoot");
  const isTrue = (v: unknown) => v === true;
  if (psc !== UNKNOWN) {
    f.field(
      "PSS_RUN_AS_NON_ROOT",
      `${pscPath}.runAsNonRoot`,
      pod,
      "boolean",
      isTrue,
      () => "the pod sets runAsNonRoot: false",
    );
  }
  for (const c of containers) {
    if (c.scUnreadable) continue;
    const v = get(c.sc, "runAsNonRoot");
    const path = `${c.scPath}.runAsNonRoot`;
    if (v !== undefined && v !== null) {
      f.field("PSS_RUN_AS_NON_ROOT", path, v, "boolean", isTrue, () => `${c.label} sets runAsNonRoot: false`);
    } else if (pod !== true && pod !== UNKNOWN && psc !== UNKNOWN) {
      f.add(
        "PSS_RUN_AS_NON_ROOT",
        path,
        `${c.label} may run as root: neither it nor the pod sets runAsNonRoot: true`,
      );
    }
  }
}
