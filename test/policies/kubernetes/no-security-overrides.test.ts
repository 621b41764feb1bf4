import { k8sNoSecurityOverrides } from "../../../policies/kubernetes/no-security-overrides";
import { WORKLOADS, describePodPolicyTable, goodPodSpec, unknown } from "./fixtures";

const annotated = (value: string) => {
  const props: any = WORKLOADS.Deployment.wrap(goodPodSpec());
  props.spec.template.metadata.annotations = { "container.apparmor.security.beta.kubernetes.io/app": value };
  return { type: WORKLOADS.Deployment.type, props };
};

describePodPolicyTable(k8sNoSecurityOverrides, {
  everyKind: {
    mutate: (s) => (s.securityContext.sysctls = [{ name: "kernel.msgmax", value: "1" }]),
    expect: /sysctl "kernel.msgmax"/,
  },
  containerFail: [
    {
      name: "procMount Unmasked",
      mutate: (c) => (c.securityContext.procMount = "Unmasked"),
      expect: /procMount "Unmasked"/,
    },
    {
      name: "AppArmor Unconfined",
      mutate: (c) => (c.securityContext.appArmorProfile = { type: "Unconfined" }),
      expect: /AppArmor profile "Unconfined"/,
    },
    {
      name: "SELinux type",
      mutate: (c) => (c.securityContext.seLinuxOptions = { type: "spc_t" }),
      expect: /SELinux type "spc_t"/,
    },
    {
      name: "SELinux user",
      mutate: (c) => (c.securityContext.seLinuxOptions = { user: "root" }),
      expect: /custom SELinux user/,
    },
  ],
  pass: [
    {
      name: "a safe sysctl",
      mutate: (s) => (s.securityContext.sysctls = [{ name: "net.ipv4.ping_group_range", value: "0 1" }]),
    },
    {
      name: "SELinux container_t with a level",
      mutate: (s) => (s.securityContext.seLinuxOptions = { type: "container_t", level: "s0:c1" }),
    },
    {
      name: "AppArmor RuntimeDefault",
      mutate: (s) => (s.securityContext.appArmorProfile = { type: "RuntimeDefault" }),
    },
  ],
  extraFail: [
    {
      name: "AppArmor annotation unconfined on the template",
      fixture: annotated("unconfined"),
      expect: /AppArmor annotation/,
      count: 1,
    },
  ],
  extraPass: [{ name: "AppArmor annotation runtime/default", fixture: annotated("runtime/default") }],
  unknown: [{ name: "sysctls unknown", mutate: (s) => (s.securityContext.sysctls = unknown) }],
});
