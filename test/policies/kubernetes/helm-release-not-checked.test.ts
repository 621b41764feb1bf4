import { k8sHelmReleaseNotChecked } from "../../../policies/kubernetes/helm-release-not-checked";
import { k8sNoPrivileged } from "../../../policies/kubernetes/no-privileged";
import { describePolicyTable, type Fixture, runPolicy, unknown } from "../harness";
import { goodPodSpec, workload } from "./fixtures";

const RELEASE = "kubernetes:helm.sh/v3:Release";
const release = (props: Record<string, unknown>): Fixture => ({ type: RELEASE, name: "ingress", props });
const NGINX = {
  name: "ingress-nginx",
  chart: "ingress-nginx",
  version: "4.11.3",
  namespace: "ingress",
  repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" },
  values: { controller: { replicaCount: 2 } },
};

describePolicyTable(k8sHelmReleaseNotChecked, {
  // A v4 Chart registers its objects as resources: nothing to say about it.
  base: {
    type: "kubernetes:helm.sh/v4:Chart",
    name: "ingress",
    props: { chart: "ingress-nginx", version: "4.11.3" },
  },
  pass: [
    {
      name: "a v3 Chart component (its objects are registered)",
      fixture: { type: "kubernetes:helm.sh/v3:Chart", name: "c", props: { chart: "x" } },
    },
    {
      name: "a Deployment a v3 Chart rendered",
      fixture: { ...workload("Deployment"), parentTypes: ["kubernetes:helm.sh/v3:Chart"] },
    },
    {
      name: "a Deployment a v4 Chart rendered",
      fixture: { ...workload("Deployment"), parentTypes: ["kubernetes:helm.sh/v4:Chart"] },
    },
  ],
  fail: [
    {
      name: "a Release: names the release, chart, version and repo",
      fixture: release(NGINX),
      expect:
        /^.*\n?not checked: the contents of Helm release ingress-nginx \(chart ingress-nginx 4\.11\.3 from https:\/\/kubernetes\.github\.io\/ingress-nginx\) are rendered by the cluster's Helm at deploy time and were not checked by paved; render them with `helm template`.*helm\.v4\.Chart/,
      count: 1,
    },
    {
      name: "an auto-named Release",
      fixture: release({ chart: "redis" }),
      expect: /Helm release ingress \(auto-named\) \(chart redis\)/,
      count: 1,
    },
    {
      name: "a local chart path",
      fixture: release({ name: "app", chart: "./charts/app" }),
      expect: /release app \(chart \.\/charts\/app\)/,
      count: 1,
    },
    {
      name: "an OCI chart",
      fixture: release({ name: "app", chart: "oci://registry.example.com/charts/app", version: "1.2.0" }),
      expect: /chart oci:\/\/registry\.example\.com\/charts\/app 1\.2\.0/,
      count: 1,
    },
    {
      name: "a Release with no chart set",
      fixture: release({ name: "app" }),
      expect: /\(no chart set\)/,
      count: 1,
    },
    {
      name: "a Release under a component",
      fixture: { ...release(NGINX), parentTypes: ["paved:kubernetes:Platform"] },
      expect: /not checked/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "chart and values unknown: still the note, never skipped",
      fixture: release({ name: "app", chart: unknown, values: unknown }),
    },
    { name: "the release name unknown", fixture: release({ name: unknown, chart: "redis" }) },
  ],
});

describe("the note is never silenced", () => {
  test("unknown inputs still give the note itself, naming what is set at apply", async () => {
    const vs = await runPolicy(
      k8sHelmReleaseNotChecked,
      release({ name: unknown, chart: "redis", version: unknown }),
    );
    expect(vs).toHaveLength(1);
    expect(vs[0].message).toMatch(
      /not checked: the contents of Helm release \(set at apply\) \(chart redis \(set at apply\)\)/,
    );
    expect(vs[0].enforcementLevel).toBe("advisory");
  });

  test("the note stays advisory when the policy is made mandatory (it is not a violation)", async () => {
    const vs = await runPolicy(k8sHelmReleaseNotChecked, release(NGINX), {
      config: { enforcementLevel: "mandatory" },
    });
    expect(vs).toHaveLength(1);
    expect(vs[0].enforcementLevel).toBe("advisory");
  });
});

test("a privileged Deployment a v3 Chart rendered is found by the pod policies", async () => {
  const spec = goodPodSpec();
  spec.containers[0].securityContext.privileged = true;
  const vs = await runPolicy(k8sNoPrivileged, {
    ...workload("Deployment", spec),
    parentTypes: ["kubernetes:helm.sh/v3:Chart"],
  });
  expect(vs).toHaveLength(1);
  expect(vs[0].message).toMatch(/container "app" is privileged/);
});
