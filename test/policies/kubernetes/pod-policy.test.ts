import { toPolicyFindings, WORKLOAD_TYPES } from "../../../policies/kubernetes/pod-policy";
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
