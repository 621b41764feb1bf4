/**
 * The catalog of Pod Security findings: every code, the control it belongs to,
 * and the fix a user reads. Pure data, shared by `pss.ts`, the components and the
 * policy pack (whose remediation text comes from here).
 */

/** The PSS controls (baseline and restricted), each checkable on its own. */
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

/** The Paved extras on pod specs: pinned images, CPU and memory limits and requests. */
export const PAVED_POD_CONTROLS = ["imagePinned", "resources"] as const;

export type PssControl = (typeof PSS_CONTROLS)[number] | (typeof PAVED_POD_CONTROLS)[number];

/** One code of the catalog. */
export interface PssCodeInfo {
  /** The control the code belongs to. */
  readonly control: PssControl;
  /** The default fix shown with a finding. */
  readonly fix: string;
}

/** Every finding code. `PSS_UNKNOWN` (cannot tell) belongs to whichever control it blocks. */
export const PSS_CODES = {
  PSS_HOST_PROCESS: {
    control: "hostProcess",
    fix: "remove securityContext.windowsOptions.hostProcess or set it to false",
  },
  PSS_HOST_NAMESPACES: {
    control: "hostNamespaces",
    fix: "remove hostNetwork, hostPID and hostIPC, or set them to false",
  },
  PSS_PRIVILEGED: { control: "privileged", fix: "remove securityContext.privileged or set it to false" },
  PSS_CAPABILITIES_DROP: { control: "capabilities", fix: 'set securityContext.capabilities.drop: ["ALL"]' },
  PSS_CAPABILITIES_ADD: {
    control: "capabilities",
    fix: "add no capability other than NET_BIND_SERVICE to securityContext.capabilities.add",
  },
  PSS_HOST_PATH: {
    control: "hostPath",
    fix: "use a persistentVolumeClaim, emptyDir, configMap or secret volume",
  },
  PSS_HOST_PORTS: {
    control: "hostPorts",
    fix: "remove hostPort (or set it to 0) and expose the pod through a Service",
  },
  PSS_APPARMOR: {
    control: "appArmor",
    fix: 'use AppArmor profile type "RuntimeDefault" or "Localhost" (annotation "runtime/default" or "localhost/<profile>"), or leave it unset',
  },
  PSS_SELINUX: {
    control: "seLinux",
    fix: "leave seLinuxOptions.user and .role unset, and use type container_t, container_init_t, container_kvm_t or container_engine_t",
  },
  PSS_PROC_MOUNT: { control: "procMount", fix: 'remove securityContext.procMount or set it to "Default"' },
  PSS_SECCOMP: {
    control: "seccomp",
    fix: 'set spec.securityContext.seccompProfile.type: "RuntimeDefault" (or "Localhost"), and no container to "Unconfined"',
  },
  PSS_SYSCTLS: { control: "sysctls", fix: "set only the safe sysctls listed by the Pod Security Standards" },
  PSS_VOLUME_TYPE: {
    control: "volumeTypes",
    fix: "use configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret volumes (a PersistentVolumeClaim for network storage)",
  },
  PSS_PRIVILEGE_ESCALATION: {
    control: "privilegeEscalation",
    fix: "set securityContext.allowPrivilegeEscalation: false on every container",
  },
  PSS_RUN_AS_NON_ROOT: {
    control: "runAsNonRoot",
    fix: "set spec.securityContext.runAsNonRoot: true, and no container to runAsNonRoot: false",
  },
  PSS_RUN_AS_USER: { control: "runAsUser", fix: "set runAsUser to a non-zero UID, or leave it unset" },
  PAVED_IMAGE_UNPINNED: {
    control: "imagePinned",
    fix: "pin the image by a release tag (registry/app:1.4.2) or a digest (registry/app@sha256:<digest>)",
  },
  PAVED_LIMITS_MISSING: { control: "resources", fix: "set resources.limits.cpu and resources.limits.memory" },
  PAVED_REQUESTS_MISSING: {
    control: "resources",
    fix: "set resources.requests.cpu and resources.requests.memory",
  },
  PSS_UNKNOWN: {
    control: "privileged",
    fix: "give the value a plain value known at preview, or check again after apply",
  },
} as const satisfies Record<string, PssCodeInfo>;

export type PssCode = keyof typeof PSS_CODES;

/** The code of a "cannot tell" finding: the value is unknown at preview or malformed. */
export const PSS_UNKNOWN: PssCode = "PSS_UNKNOWN";
