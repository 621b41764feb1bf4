/** No custom AppArmor, SELinux, /proc mount or unsafe sysctl settings (the remaining PSS controls). */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sNoSecurityOverrides = definePodPolicy({
  name: "k8s-no-security-overrides",
  description: "Pods keep the runtime's AppArmor, SELinux and /proc defaults and set only safe sysctls.",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Use AppArmor profile type "RuntimeDefault" or "Localhost" (annotation "runtime/default" or "localhost/<profile>"), never Unconfined.',
    "Leave `seLinuxOptions.user` and `.role` unset; use type container_t, container_init_t, container_kvm_t or container_engine_t.",
    'Remove `securityContext.procMount` (or set it to "Default").',
    "Set only the sysctls the Pod Security Standards list as safe (net.ipv4.ip_unprivileged_port_start, ...).",
  ],
  frameworks: [
    pssRestricted("AppArmor"),
    pssRestricted("SELinux"),
    pssRestricted("/proc Mount Type"),
    pssRestricted("Sysctls"),
    cisKubernetes("5.7.3"),
  ],
  controls: ["appArmor", "seLinux", "procMount", "sysctls"],
});
