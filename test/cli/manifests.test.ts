/**
 * Kubernetes objects that passed unseen under mocks: YAML manifests (v1
 * expanded by the SDK, v2 by the provider) are registered and checked; what
 * paved cannot render is a visible "not checked".
 */
import { loadProject } from "../../cli/project";
import { runProgram } from "../../cli/engine/run";
import { paved } from "./run-cli";
import { cleanPrograms, makeProgram } from "./gate-support";

afterAll(cleanPrograms);

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: c
      image: nginx
      securityContext: { privileged: true }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: c, image: nginx }]
`;

const PROGRAM = `import * as k8s from "@pulumi/kubernetes";
new k8s.yaml.ConfigGroup("v1", { yaml: ${JSON.stringify(MANIFEST)} });
new k8s.yaml.ConfigFile("v1file", { file: "manifest.yaml" });
new k8s.yaml.v2.ConfigGroup("v2", { yaml: ${JSON.stringify(MANIFEST)} });
new k8s.yaml.v2.ConfigFile("v2file", { file: "manifest.yaml" });
new k8s.helm.v4.Chart("redis", { chart: "oci://registry-1.docker.io/bitnamicharts/redis" });
`;

test("every object of a v1 or v2 ConfigGroup/ConfigFile is registered, as a child of its component", async () => {
  const dir = makeProgram({ "index.ts": PROGRAM, "manifest.yaml": MANIFEST }, "yml");
  const run = await runProgram(loadProject(dir));
  const objects = run.resources
    .filter((r) => r.type === "kubernetes:core/v1:Pod" || r.type === "kubernetes:apps/v1:Deployment")
    .map((r) => [r.type, r.name, r.parent?.split("::").pop()])
    .sort();
  expect(objects).toEqual(
    [
      ["kubernetes:apps/v1:Deployment", "api", "v1"],
      ["kubernetes:apps/v1:Deployment", "api", "v1file"],
      ["kubernetes:apps/v1:Deployment", "v2:api", "v2"],
      ["kubernetes:apps/v1:Deployment", "v2file:api", "v2file"],
      ["kubernetes:core/v1:Pod", "shop/web", "v1"],
      ["kubernetes:core/v1:Pod", "shop/web", "v1file"],
      ["kubernetes:core/v1:Pod", "v2:shop/web", "v2"],
      ["kubernetes:core/v1:Pod", "v2file:shop/web", "v2file"],
    ].sort(),
  );
  const pod = run.resources.find((r) => r.name === "v2:shop/web");
  expect(pod?.urn).toBe(
    "urn:pulumi:dev::yml::kubernetes:yaml/v2:ConfigGroup$kubernetes:core/v1:Pod::v2:shop/web",
  );
  expect(pod?.properties).toMatchObject({
    spec: { containers: [{ securityContext: { privileged: true } }] },
  });
  expect(run.notChecked).toEqual([
    {
      urn: "urn:pulumi:dev::yml::kubernetes:helm.sh/v4:Chart::redis",
      why: expect.stringContaining("a Helm v4 chart is rendered by helm"),
    },
  ]);
}, 60_000);

test("the checked objects meet the pack; a Helm v4 chart is an advisory 'not checked'", async () => {
  const dir = makeProgram({ "index.ts": PROGRAM, "manifest.yaml": MANIFEST }, "yml");
  const r = await paved(["check", dir, "--format", "json", "--policy-config", "policies/config/prod.json"]);
  const report = JSON.parse(r.stdout) as {
    violations: { policy: string; resourceName: string; message: string }[];
  };
  const privileged = report.violations
    .filter((v) => v.policy === "k8s-no-privileged")
    .map((v) => v.resourceName);
  expect(privileged.sort()).toEqual(["shop/web", "shop/web", "v2:shop/web", "v2file:shop/web"]);
  expect(report.violations).toContainEqual(
    expect.objectContaining({
      policy: "paved-not-checked",
      resourceName: "redis",
      message: expect.stringMatching(/^not checked: a Helm v4 chart/),
    }),
  );
  expect(r.code).toBe(1);
}, 60_000);
