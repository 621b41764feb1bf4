import { patchOmits, toPolicyFindings, WORKLOAD_TYPES } from "../../../policies/kubernetes/pod-policy";
import { k8sCapabilities } from "../../../policies/kubernetes/capabilities";
import { k8sImagePinned } from "../../../policies/kubernetes/image-pinned";
import { k8sNoPrivilegeEscalation } from "../../../policies/kubernetes/no-privilege-escalation";
import { k8sNoSecurityOverrides } from "../../../policies/kubernetes/no-security-overrides";
import { k8sResourceLimits } from "../../../policies/kubernetes/resource-limits";
import { k8sRunAsNonRoot } from "../../../policies/kubernetes/run-as-non-root";
import { k8sSeccomp } from "../../../policies/kubernetes/seccomp";
import { UnknownValueError } from "../../../policies/lib/unknown";
import { k8sNoPrivileged } from "../../../policies/kubernetes/no-privileged";
import { kubernetesTypeOf } from "../../../components/kubernetes/workloads";
import { runPolicy } from "../harness";
import { mutated, unknown } from "./fixtures";

describe("pod policies and preview unknowns", () => {
  it("report one advisory 'skipped during preview' note when nothing but unknowns is found", async () => {
    const vs = await runPolicy(
      k8sNoPrivileged,
      mutated("Deployment", (s) => (s.containers[0].securityContext.privileged = unknown)),
    );
    expect(vs).toHaveLength(1);
    expect(vs[0].enforcementLevel).toBe("advisory");
    expect(vs[0].message).toMatch(
      /skipped during preview: spec\.template\.spec\.containers\[0\]\.securityContext\.privileged is not known/,
    );
  });

  it("still report a definite violation at the policy's level when another value is unknown", async () => {
    const vs = await runPolicy(
      k8sNoPrivileged,
      mutated("Deployment", (s) => {
        s.containers[0].securityContext.privileged = unknown;
        s.initContainers[0].securityContext.privileged = true;
      }),
    );
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
    expect(vs[0].message).toMatch(/init container "init" is privileged/);
  });

  it("toPolicyFindings throws the pack's unknown error only when no violation is found", () => {
    const u = { code: "PSS_UNKNOWN", path: "spec.x", message: "m", fix: "f", control: "privileged" as const };
    const v = { ...u, code: "PSS_PRIVILEGED", message: "is privileged" };
    expect(() => toPolicyFindings([u])).toThrow(UnknownValueError);
    expect(toPolicyFindings([u, v])).toEqual([{ message: "is privileged (spec.x); f" }]);
    expect(toPolicyFindings([])).toEqual([]);
  });

  it("lists workload types that the token parser recognises", () => {
    for (const t of WORKLOAD_TYPES) expect(kubernetesTypeOf(t)).toBeDefined();
  });
});

describe("pod policies on `...Patch` resources (partial objects)", () => {
  const finding = (code: string, path: string) => ({
    code,
    path,
    message: "m",
    fix: "f",
    control: "privileged" as const,
  });

  it("patchOmits: a field the patch leaves out is dropped, one it sets (or is unknown) is kept", () => {
    const obj = {
      spec: {
        template: {
          metadata: { annotations: { "a.b/c": "x" } },
          spec: { containers: [{ name: "app", securityContext: { privileged: true } }] },
        },
      },
    };
    const c0 = "spec.template.spec.containers[0]";
    expect(patchOmits(obj, finding("PSS_PRIVILEGED", `${c0}.securityContext.privileged`))).toBe(false);
    expect(
      patchOmits(obj, finding("PSS_PRIVILEGE_ESCALATION", `${c0}.securityContext.allowPrivilegeEscalation`)),
    ).toBe(true);
    expect(patchOmits(obj, finding("PSS_SECCOMP", `${c0}.securityContext.seccompProfile.type`))).toBe(true);
    expect(patchOmits(obj, finding("PSS_APPARMOR", 'spec.template.metadata.annotations["a.b/c"]'))).toBe(
      false,
    );
    expect(patchOmits(obj, finding("PAVED_LIMITS_MISSING", `${c0}.resources.limits`))).toBe(true);
    const unknownSc = {
      spec: { template: { spec: { containers: [{ name: "app", securityContext: unknown }] } } },
    };
    expect(patchOmits(unknownSc, finding("PSS_PRIVILEGED", `${c0}.securityContext.privileged`))).toBe(false);
  });

  it("a patch that sets an unconfined AppArmor annotation fails k8s-no-security-overrides", async () => {
    const vs = await runPolicy(k8sNoSecurityOverrides, {
      type: "kubernetes:apps/v1:DeploymentPatch",
      props: {
        spec: {
          template: {
            metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" } },
            spec: { containers: [{ name: "app" }] },
          },
        },
      },
    });
    expect(vs).toHaveLength(1);
    expect(vs[0].message).toMatch(/AppArmor annotation/);
  });

  it("a PodPatch that sets only privileged: true fails once, and is not blamed for the rest", async () => {
    const patch = {
      type: "kubernetes:core/v1:PodPatch",
      props: { spec: { containers: [{ name: "app", securityContext: { privileged: true } }] } },
    };
    expect(await runPolicy(k8sNoPrivileged, patch)).toHaveLength(1);
    for (const p of [
      k8sNoPrivilegeEscalation,
      k8sSeccomp,
      k8sRunAsNonRoot,
      k8sCapabilities,
      k8sImagePinned,
      k8sResourceLimits,
    ]) {
      expect(await runPolicy(p, patch)).toEqual([]);
    }
  });

  it("a patch that sets an insecure value the profile forbids in a required field still fails", async () => {
    const patch = {
      type: "kubernetes:apps/v1:DeploymentPatch",
      props: {
        spec: {
          template: {
            spec: {
              securityContext: { runAsNonRoot: false },
              containers: [
                {
                  name: "app",
                  securityContext: { allowPrivilegeEscalation: true, capabilities: { drop: ["NET_RAW"] } },
                },
              ],
            },
          },
        },
      },
    };
    expect((await runPolicy(k8sNoPrivilegeEscalation, patch)).map((v) => v.message)).toEqual([
      expect.stringMatching(/allows privilege escalation/),
    ]);
    expect((await runPolicy(k8sCapabilities, patch)).map((v) => v.message)).toEqual([
      expect.stringMatching(/does not drop ALL/),
    ]);
    expect((await runPolicy(k8sRunAsNonRoot, patch)).map((v) => v.message)).toEqual([
      expect.stringMatching(/the pod sets runAsNonRoot: false/),
    ]);
  });
});
