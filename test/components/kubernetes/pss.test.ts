import * as fc from "fast-check";
import {
  checkPodSpec,
  PSS_CODES,
  PSS_CONTROLS,
  PAVED_POD_CONTROLS,
  type PssControl,
  type PssFinding,
} from "../../../components/kubernetes/pss";

const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A container that passes every control. */
function goodContainer(name = "app"): any {
  return {
    name,
    image: "registry.example.com/app:1.4.2",
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
    resources: { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } },
    ports: [{ containerPort: 8080 }],
  };
}

/** A pod spec that passes every control, with all three container lists. */
function goodSpec(): any {
  const debug = goodContainer("debug");
  delete debug.resources; // ephemeral containers cannot carry resources
  delete debug.ports;
  return {
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
    containers: [goodContainer()],
    initContainers: [goodContainer("init")],
    ephemeralContainers: [debug],
    volumes: [
      { name: "cfg", configMap: { name: "cfg" } },
      { name: "tmp", emptyDir: {} },
      { name: "data", persistentVolumeClaim: { claimName: "data" } },
      { name: "token", projected: { sources: [] } },
      { name: "s", secret: { secretName: "s" } },
      { name: "d", downwardAPI: { items: [] } },
      { name: "c", csi: { driver: "secrets-store.csi.k8s.io" } },
      { name: "e", ephemeral: { volumeClaimTemplate: {} } },
    ],
  };
}

function codes(findings: PssFinding[]): string[] {
  return findings.map((f) => `${f.code} ${f.path}`).sort();
}

const LISTS = ["containers", "initContainers", "ephemeralContainers"] as const;

describe("checkPodSpec: the compliant pod", () => {
  it("passes every control", () => {
    expect(checkPodSpec(goodSpec())).toEqual([]);
  });

  it("passes with securityContext only at container level (runAsNonRoot, seccomp)", () => {
    const spec = goodSpec();
    delete spec.securityContext;
    for (const list of LISTS) {
      for (const c of spec[list]) {
        c.securityContext.runAsNonRoot = true;
        c.securityContext.seccompProfile = { type: "Localhost", localhostProfile: "p.json" };
      }
    }
    expect(checkPodSpec(spec)).toEqual([]);
  });
});

/** Container-level mutations: each must fail in every container list, with this code at this sub-path. */
const CONTAINER_CASES: [string, (c: any) => void, string, string][] = [
  [
    "privileged",
    (c) => (c.securityContext.privileged = true),
    "PSS_PRIVILEGED",
    "securityContext.privileged",
  ],
  [
    "allowPrivilegeEscalation true",
    (c) => (c.securityContext.allowPrivilegeEscalation = true),
    "PSS_PRIVILEGE_ESCALATION",
    "securityContext.allowPrivilegeEscalation",
  ],
  [
    "allowPrivilegeEscalation unset",
    (c) => delete c.securityContext.allowPrivilegeEscalation,
    "PSS_PRIVILEGE_ESCALATION",
    "securityContext.allowPrivilegeEscalation",
  ],
  [
    "no drop ALL",
    (c) => (c.securityContext.capabilities.drop = ["NET_RAW"]),
    "PSS_CAPABILITIES_DROP",
    "securityContext.capabilities.drop",
  ],
  [
    "drop all in lower case",
    (c) => (c.securityContext.capabilities.drop = ["all"]),
    "PSS_CAPABILITIES_DROP",
    "securityContext.capabilities.drop",
  ],
  [
    "no capabilities at all",
    (c) => delete c.securityContext.capabilities,
    "PSS_CAPABILITIES_DROP",
    "securityContext.capabilities.drop",
  ],
  [
    "adds SYS_ADMIN",
    (c) => (c.securityContext.capabilities.add = ["NET_BIND_SERVICE", "SYS_ADMIN"]),
    "PSS_CAPABILITIES_ADD",
    "securityContext.capabilities.add[1]",
  ],
  [
    "adds a baseline-allowed CHOWN",
    (c) => (c.securityContext.capabilities.add = ["CHOWN"]),
    "PSS_CAPABILITIES_ADD",
    "securityContext.capabilities.add[0]",
  ],
  ["runAsUser 0", (c) => (c.securityContext.runAsUser = 0), "PSS_RUN_AS_USER", "securityContext.runAsUser"],
  [
    "runAsNonRoot false",
    (c) => (c.securityContext.runAsNonRoot = false),
    "PSS_RUN_AS_NON_ROOT",
    "securityContext.runAsNonRoot",
  ],
  [
    "seccomp Unconfined",
    (c) => (c.securityContext.seccompProfile = { type: "Unconfined" }),
    "PSS_SECCOMP",
    "securityContext.seccompProfile.type",
  ],
  [
    "procMount Unmasked",
    (c) => (c.securityContext.procMount = "Unmasked"),
    "PSS_PROC_MOUNT",
    "securityContext.procMount",
  ],
  [
    "hostProcess",
    (c) => (c.securityContext.windowsOptions = { hostProcess: true }),
    "PSS_HOST_PROCESS",
    "securityContext.windowsOptions.hostProcess",
  ],
  [
    "AppArmor Unconfined",
    (c) => (c.securityContext.appArmorProfile = { type: "Unconfined" }),
    "PSS_APPARMOR",
    "securityContext.appArmorProfile.type",
  ],
  [
    "SELinux type spc_t",
    (c) => (c.securityContext.seLinuxOptions = { type: "spc_t" }),
    "PSS_SELINUX",
    "securityContext.seLinuxOptions.type",
  ],
  [
    "SELinux user",
    (c) => (c.securityContext.seLinuxOptions = { user: "system_u" }),
    "PSS_SELINUX",
    "securityContext.seLinuxOptions.user",
  ],
  [
    "SELinux role",
    (c) => (c.securityContext.seLinuxOptions = { role: "sysadm_r" }),
    "PSS_SELINUX",
    "securityContext.seLinuxOptions.role",
  ],
  [
    "hostPort",
    (c) => (c.ports = [{ containerPort: 80, hostPort: 80 }]),
    "PSS_HOST_PORTS",
    "ports[0].hostPort",
  ],
  ["image latest", (c) => (c.image = "nginx:latest"), "PAVED_IMAGE_UNPINNED", "image"],
  ["image untagged", (c) => (c.image = "registry:5000/team/nginx"), "PAVED_IMAGE_UNPINNED", "image"],
  ["image missing", (c) => delete c.image, "PAVED_IMAGE_UNPINNED", "image"],
];

describe.each(LISTS)("checkPodSpec: %s", (list) => {
  it.each(CONTAINER_CASES)("fails on %s", (_name, mutate, code, sub) => {
    const spec = goodSpec();
    mutate(spec[list][0]);
    const findings = checkPodSpec(spec, { path: "spec.template.spec" });
    expect(codes(findings)).toEqual([`${code} spec.template.spec.${list}[0].${sub}`]);
    expect(findings[0].fix).toBeTruthy();
    expect(findings[0].control).toBe((PSS_CODES as Record<string, { control: string }>)[code].control);
    const label = {
      containers: 'container "app"',
      initContainers: 'init container "init"',
      ephemeralContainers: 'ephemeral container "debug"',
    }[list];
    expect(findings[0].message).toMatch(new RegExp(`^${label} `));
  });

  it("allows hostPort 0, capabilities add NET_BIND_SERVICE, SELinux container_t and seccomp Localhost", () => {
    const spec = goodSpec();
    const c = spec[list][0];
    c.ports = [{ containerPort: 80, hostPort: 0 }];
    c.securityContext.capabilities.add = ["NET_BIND_SERVICE"];
    c.securityContext.seLinuxOptions = { type: "container_t", level: "s0:c123,c456", user: "" };
    c.securityContext.seccompProfile = { type: "Localhost", localhostProfile: "x.json" };
    c.securityContext.appArmorProfile = { type: "RuntimeDefault" };
    c.securityContext.procMount = "Default";
    c.image = "registry.example.com/app@sha256:" + "a".repeat(64);
    expect(checkPodSpec(spec)).toEqual([]);
  });
});

describe("checkPodSpec: pod-level controls", () => {
  const POD_CASES: [string, (s: any) => void, string[]][] = [
    ["hostNetwork", (s) => (s.hostNetwork = true), ["PSS_HOST_NAMESPACES spec.hostNetwork"]],
    ["hostPID", (s) => (s.hostPID = true), ["PSS_HOST_NAMESPACES spec.hostPID"]],
    ["hostIPC", (s) => (s.hostIPC = true), ["PSS_HOST_NAMESPACES spec.hostIPC"]],
    [
      "hostPath volume",
      (s) => s.volumes.push({ name: "h", hostPath: { path: "/var/run/docker.sock" } }),
      ["PSS_HOST_PATH spec.volumes[8].hostPath"],
    ],
    [
      "nfs volume",
      (s) => s.volumes.push({ name: "n", nfs: { server: "x", path: "/" } }),
      ["PSS_VOLUME_TYPE spec.volumes[8].nfs"],
    ],
    [
      "awsElasticBlockStore volume",
      (s) => s.volumes.push({ name: "n", awsElasticBlockStore: { volumeID: "vol-1" } }),
      ["PSS_VOLUME_TYPE spec.volumes[8].awsElasticBlockStore"],
    ],
    [
      "unsafe sysctl",
      (s) => (s.securityContext.sysctls = [{ name: "kernel.msgmax", value: "1" }]),
      ["PSS_SYSCTLS spec.securityContext.sysctls[0].name"],
    ],
    [
      "pod runAsUser 0",
      (s) => (s.securityContext.runAsUser = 0),
      ["PSS_RUN_AS_USER spec.securityContext.runAsUser"],
    ],
    [
      "pod runAsNonRoot false (containers say true)",
      (s) => {
        s.securityContext.runAsNonRoot = false;
        for (const l of LISTS) s[l][0].securityContext.runAsNonRoot = true;
      },
      ["PSS_RUN_AS_NON_ROOT spec.securityContext.runAsNonRoot"],
    ],
    [
      "pod seccomp Unconfined (containers set RuntimeDefault)",
      (s) => {
        s.securityContext.seccompProfile = { type: "Unconfined" };
        for (const l of LISTS) s[l][0].securityContext.seccompProfile = { type: "RuntimeDefault" };
      },
      ["PSS_SECCOMP spec.securityContext.seccompProfile.type"],
    ],
    [
      "pod hostProcess",
      (s) => (s.securityContext.windowsOptions = { hostProcess: true }),
      ["PSS_HOST_PROCESS spec.securityContext.windowsOptions.hostProcess"],
    ],
    [
      "pod SELinux type",
      (s) => (s.securityContext.seLinuxOptions = { type: "unconfined_t" }),
      ["PSS_SELINUX spec.securityContext.seLinuxOptions.type"],
    ],
    [
      "pod AppArmor Unconfined",
      (s) => (s.securityContext.appArmorProfile = { type: "Unconfined" }),
      ["PSS_APPARMOR spec.securityContext.appArmorProfile.type"],
    ],
  ];

  it.each(POD_CASES)("fails on %s", (_name, mutate, expected) => {
    const spec = goodSpec();
    mutate(spec);
    expect(codes(checkPodSpec(spec))).toEqual(expected);
  });

  it("allows the safe sysctls and hostNetwork false", () => {
    const spec = goodSpec();
    spec.hostNetwork = false;
    spec.securityContext.sysctls = [
      { name: "net.ipv4.ip_unprivileged_port_start", value: "0" },
      { name: "net.ipv4.tcp_keepalive_time", value: "60" },
    ];
    expect(checkPodSpec(spec)).toEqual([]);
  });

  it("requires runAsNonRoot true on each container when the pod leaves it unset", () => {
    const spec = goodSpec();
    delete spec.securityContext.runAsNonRoot;
    spec.containers[0].securityContext.runAsNonRoot = true;
    expect(codes(checkPodSpec(spec))).toEqual([
      "PSS_RUN_AS_NON_ROOT spec.ephemeralContainers[0].securityContext.runAsNonRoot",
      "PSS_RUN_AS_NON_ROOT spec.initContainers[0].securityContext.runAsNonRoot",
    ]);
  });

  it("requires a seccomp profile on each container when the pod sets none", () => {
    const spec = goodSpec();
    delete spec.securityContext.seccompProfile;
    spec.initContainers[0].securityContext.seccompProfile = { type: "RuntimeDefault" };
    expect(codes(checkPodSpec(spec))).toEqual([
      "PSS_SECCOMP spec.containers[0].securityContext.seccompProfile.type",
      "PSS_SECCOMP spec.ephemeralContainers[0].securityContext.seccompProfile.type",
    ]);
  });

  it("reports a bad pod-level seccomp profile once, not again on each container that inherits it", () => {
    const spec = goodSpec();
    spec.securityContext.seccompProfile = { type: "Unconfined" };
    expect(codes(checkPodSpec(spec))).toEqual(["PSS_SECCOMP spec.securityContext.seccompProfile.type"]);
  });

  it("reads the AppArmor annotations of the pod template", () => {
    const spec = goodSpec();
    const bad = { annotations: { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" } };
    const ok = {
      annotations: {
        "container.apparmor.security.beta.kubernetes.io/app": "runtime/default",
        "container.apparmor.security.beta.kubernetes.io/init": "localhost/k8s-apparmor",
        "other/annotation": "unconfined",
      },
    };
    expect(codes(checkPodSpec(spec, { path: "spec.template.spec", metadata: bad }))).toEqual([
      'PSS_APPARMOR spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]',
    ]);
    expect(checkPodSpec(spec, { metadata: ok })).toEqual([]);
  });

  it("exempts Windows pods from privilege escalation, seccomp and capabilities only", () => {
    const spec = goodSpec();
    spec.os = { name: "windows" };
    delete spec.securityContext.seccompProfile;
    for (const l of LISTS) spec[l][0].securityContext = { privileged: true };
    expect(codes(checkPodSpec(spec)).map((c) => c.split(" ")[0])).toEqual([
      "PSS_PRIVILEGED",
      "PSS_PRIVILEGED",
      "PSS_PRIVILEGED",
    ]);
  });
});

describe("checkPodSpec: Paved extras", () => {
  it("requires CPU and memory limits and requests on containers and init containers, not ephemeral ones", () => {
    const spec = goodSpec();
    spec.containers[0].resources = { limits: { cpu: "1" } };
    delete spec.initContainers[0].resources;
    const findings = checkPodSpec(spec, { controls: ["resources"] });
    expect(codes(findings)).toEqual([
      "PAVED_LIMITS_MISSING spec.containers[0].resources.limits",
      "PAVED_LIMITS_MISSING spec.initContainers[0].resources.limits",
      "PAVED_REQUESTS_MISSING spec.containers[0].resources.requests",
      "PAVED_REQUESTS_MISSING spec.initContainers[0].resources.requests",
    ]);
    expect(findings.find((f) => f.path === "spec.containers[0].resources.limits")).toMatchObject({
      message: 'container "app" has no memory limits',
      fix: "set resources.limits.memory",
    });
  });

  it("requires a digest when asked to", () => {
    const spec = goodSpec();
    const findings = checkPodSpec(spec, { controls: ["imagePinned"], requireImageDigest: true });
    expect(findings).toHaveLength(3);
    expect(findings[0].message).toContain("digest");
    spec.containers[0].image = "app@sha256:" + "b".repeat(64);
    expect(checkPodSpec(spec, { controls: ["imagePinned"], requireImageDigest: true })).toHaveLength(2);
  });
});

describe("checkPodSpec: options", () => {
  it("reports only the selected controls", () => {
    const spec = goodSpec();
    spec.hostNetwork = true;
    spec.containers[0].securityContext.privileged = true;
    expect(codes(checkPodSpec(spec, { controls: ["privileged"] }))).toEqual([
      "PSS_PRIVILEGED spec.containers[0].securityContext.privileged",
    ]);
  });

  it("selecting one control gives exactly that control's share of the full result", () => {
    const bad = goodSpec();
    Object.assign(bad, { hostNetwork: true, hostPID: UNKNOWN_STRING });
    bad.volumes.push({ name: "h", hostPath: { path: "/" } }, { name: "n", nfs: {} });
    bad.securityContext = {
      sysctls: [{ name: "kernel.msgmax" }],
      seccompProfile: { type: "Unconfined" },
      runAsUser: 0,
    };
    bad.containers[0].securityContext = {
      privileged: true,
      procMount: "Unmasked",
      capabilities: { add: ["SYS_ADMIN"] },
    };
    bad.containers[0].ports[0].hostPort = 80;
    bad.initContainers[0].image = "nginx";
    bad.initContainers[0].securityContext.seLinuxOptions = { user: "root" };
    bad.initContainers[0].securityContext.appArmorProfile = { type: "Unconfined" };
    bad.ephemeralContainers[0].securityContext.windowsOptions = { hostProcess: true };
    delete bad.containers[0].resources;
    const all = checkPodSpec(bad);
    for (const control of [...PSS_CONTROLS, ...PAVED_POD_CONTROLS]) {
      const expected = all.filter((f) => f.control === control);
      expect(expected.length).toBeGreaterThan(0);
      expect(checkPodSpec(bad, { controls: [control] })).toEqual(expected);
    }
  });

  it("defaults the path prefix to spec (a Pod)", () => {
    const spec = goodSpec();
    spec.hostPID = true;
    expect(checkPodSpec(spec)[0].path).toBe("spec.hostPID");
  });
});

describe("checkPodSpec: unknown and odd values never throw", () => {
  it("reports an unknown whole spec as PSS_UNKNOWN for every control", () => {
    const findings = checkPodSpec(UNKNOWN_STRING);
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(["PSS_UNKNOWN"]));
    expect(findings.map((f) => f.control).sort()).toEqual([...PSS_CONTROLS, ...PAVED_POD_CONTROLS].sort());
    expect(findings[0].message).toContain("not known until apply");
  });

  const UNKNOWN_CASES: [string, (s: any) => void, PssControl, string][] = [
    [
      "privileged",
      (s) => (s.containers[0].securityContext.privileged = UNKNOWN_STRING),
      "privileged",
      "spec.containers[0].securityContext.privileged",
    ],
    [
      "allowPrivilegeEscalation",
      (s) => (s.initContainers[0].securityContext.allowPrivilegeEscalation = UNKNOWN_STRING),
      "privilegeEscalation",
      "spec.initContainers[0].securityContext.allowPrivilegeEscalation",
    ],
    [
      "a capability",
      (s) => (s.ephemeralContainers[0].securityContext.capabilities.add = [UNKNOWN_STRING]),
      "capabilities",
      "spec.ephemeralContainers[0].securityContext.capabilities.add[0]",
    ],
    ["hostNetwork", (s) => (s.hostNetwork = UNKNOWN_STRING), "hostNamespaces", "spec.hostNetwork"],
    ["volumes", (s) => (s.volumes = UNKNOWN_STRING), "volumeTypes", "spec.volumes"],
    ["image", (s) => (s.containers[0].image = UNKNOWN_STRING), "imagePinned", "spec.containers[0].image"],
    [
      "a memory limit",
      (s) => (s.containers[0].resources.limits.memory = UNKNOWN_STRING),
      "resources",
      "spec.containers[0].resources.limits.memory",
    ],
    [
      "pod runAsNonRoot",
      (s) => (s.securityContext.runAsNonRoot = UNKNOWN_STRING),
      "runAsNonRoot",
      "spec.securityContext.runAsNonRoot",
    ],
    [
      "pod seccomp type",
      (s) => (s.securityContext.seccompProfile.type = UNKNOWN_STRING),
      "seccomp",
      "spec.securityContext.seccompProfile.type",
    ],
    [
      "hostPort",
      (s) => (s.containers[0].ports[0].hostPort = UNKNOWN_STRING),
      "hostPorts",
      "spec.containers[0].ports[0].hostPort",
    ],
  ];

  it.each(UNKNOWN_CASES)(
    "reports an unknown %s as PSS_UNKNOWN, not a violation",
    (_n, mutate, control, path) => {
      const spec = goodSpec();
      mutate(spec);
      const findings = checkPodSpec(spec);
      expect(findings.every((f) => f.code === "PSS_UNKNOWN" && f.path === path)).toBe(true);
      expect(findings).toContainEqual(expect.objectContaining({ control, path }));
    },
  );

  it("treats an unknown pod securityContext as cannot-tell for pod-level controls, without false violations", () => {
    const spec = goodSpec();
    spec.securityContext = UNKNOWN_STRING;
    const findings = checkPodSpec(spec);
    expect(findings.every((f) => f.code === "PSS_UNKNOWN")).toBe(true);
    expect(findings.map((f) => f.control)).toEqual(
      expect.arrayContaining(["runAsNonRoot", "seccomp", "sysctls", "runAsUser"]),
    );
  });

  it("treats an unknown container securityContext as cannot-tell for its controls", () => {
    const spec = goodSpec();
    spec.containers[0].securityContext = UNKNOWN_STRING;
    const findings = checkPodSpec(spec);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.code === "PSS_UNKNOWN")).toBe(true);
  });

  it("treats a Pulumi Output or a promise as unknown", () => {
    const spec = goodSpec();
    spec.containers[0].image = { __pulumiOutput: true };
    spec.initContainers[0].image = Promise.resolve("x:1");
    const findings = checkPodSpec(spec);
    expect(codes(findings)).toEqual([
      "PSS_UNKNOWN spec.containers[0].image",
      "PSS_UNKNOWN spec.initContainers[0].image",
    ]);
  });

  it("reads through @pulumi/policy's unknown-checking proxy without throwing", () => {
    const { unknownCheckingProxy } = require("@pulumi/policy/proxy");
    const spec = goodSpec();
    spec.containers[0].securityContext.privileged = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";
    spec.containers.push(UNKNOWN_STRING);
    const proxied = unknownCheckingProxy({ spec }).spec;
    expect(() => proxied.containers[0].securityContext.privileged).toThrow();
    const findings = checkPodSpec(proxied);
    expect(findings.every((f) => f.code === "PSS_UNKNOWN")).toBe(true);
    expect(findings.map((f) => f.path)).toContain("spec.containers[0].securityContext.privileged");
    expect(findings.map((f) => f.path)).toContain("spec.containers[1]");
  });

  it("reports odd shapes as cannot-tell", () => {
    const spec = goodSpec();
    spec.containers[0].securityContext.privileged = "yes";
    spec.initContainers = "not a list";
    const findings = checkPodSpec(spec);
    expect(
      findings.find((f) => f.path === "spec.containers[0].securityContext.privileged")?.message,
    ).toContain('unexpected value "yes"');
    expect(findings.filter((f) => f.path === "spec.initContainers").length).toBe(
      PSS_CONTROLS.length + PAVED_POD_CONTROLS.length,
    );
    expect(findings.every((f) => f.code === "PSS_UNKNOWN")).toBe(true);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true }), (v) => {
        checkPodSpec(v);
        checkPodSpec({ containers: [v], initContainers: v, volumes: [v], securityContext: v });
        checkPodSpec({ containers: [{ securityContext: v, ports: [v], resources: v, image: v }] });
      }),
      { numRuns: 300 },
    );
  });
});
