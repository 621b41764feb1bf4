/**
 * CanaryRollout's pod template check when a field the Pod Security check needs
 * is not a plain value: refused with a problem that names the argument and
 * says a plain value is required, never a confusing "cannot tell" finding.
 */
import { DEV_GOVERNANCE, settle, useMocks } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import * as pulumi from "@pulumi/pulumi";
import { errorOf } from "../validation-error";
import {
  buildPodSpec,
  DEFAULT_CONTAINER_RESOURCES,
  podSpecProblems,
} from "../../../components/kubernetes/rollout/plan";
import { argOfPodPath, securityContextArgProblems } from "../../../components/kubernetes/rollout/pod-check";
import { CanaryRollout, CanaryRolloutArgs } from "../../../components/kubernetes/rollout";

const IMAGE = "registry.example.com/payments/api:1.4.2";
const BASE: CanaryRolloutArgs = { namespace: "payments", image: IMAGE };

const spec = (over: Partial<Parameters<typeof buildPodSpec>[0]> = {}) =>
  buildPodSpec({
    image: IMAGE,
    containerPort: 8080,
    resources: DEFAULT_CONTAINER_RESOURCES,
    env: {},
    securityContext: {},
    podSecurityContext: {},
    ...over,
  });

describe("podSpecProblems", () => {
  test("the default template has no problem", () => {
    expect(podSpecProblems(spec())).toEqual([]);
  });

  test("an Output for a checked field is refused, naming the argument and asking for a plain value", () => {
    const problems = podSpecProblems(spec({ securityContext: { runAsUser: pulumi.output(10001) } }));
    expect(problems).toEqual([
      {
        arg: "securityContext.runAsUser",
        problem: expect.stringMatching(
          /^must be a plain value, not an Output \(template\.spec\.containers\[0\]\.securityContext\.runAsUser\): the Pod Security restricted check \(runAsUser\)/,
        ),
        fix: "pass a plain value for securityContext.runAsUser",
        code: "PAVED_K8S_PLAIN_VALUE_REQUIRED",
      },
    ]);
  });

  test("an Output image is refused as `image`", () => {
    const problems = podSpecProblems(spec({ image: pulumi.output(IMAGE) as unknown as string }));
    expect(problems.map((p) => [p.code, p.arg])).toEqual([["PAVED_K8S_PLAIN_VALUE_REQUIRED", "image"]]);
  });

  test("a malformed value is refused as invalid, not as unknown", () => {
    const problems = podSpecProblems(spec({ podSecurityContext: { runAsNonRoot: "yes" } }));
    expect(problems.map((p) => [p.code, p.arg])).toContainEqual([
      "PAVED_K8S_POD_SPEC_VALUE",
      "podSecurityContext.runAsNonRoot",
    ]);
    const p = problems.find((x) => x.code === "PAVED_K8S_POD_SPEC_VALUE")!;
    expect(p.problem).toContain('is "yes", which is not a valid value');
  });

  test("no problem ever carries the checker's PSS_UNKNOWN code", () => {
    const problems = podSpecProblems(
      spec({
        image: pulumi.output(IMAGE) as unknown as string,
        securityContext: { privileged: pulumi.output(false), capabilities: "ALL" },
        podSecurityContext: { seccompProfile: Promise.resolve({ type: "RuntimeDefault" }) },
      }),
    );
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.map((p) => p.code)).not.toContain("PSS_UNKNOWN");
  });
});

test.each([
  ["template.spec.containers[0].image", "image"],
  ["template.spec.containers[0].securityContext.capabilities.add[0]", "securityContext.capabilities.add[0]"],
  ["template.spec.containers[0].resources.limits.cpu", "resources.limits.cpu"],
  ["template.spec.containers[0].ports[0].containerPort", "containerPort"],
  ["template.spec.securityContext.seccompProfile.type", "podSecurityContext.seccompProfile.type"],
  ["template.spec.volumes[0]", "template.spec.volumes[0]"],
])("argOfPodPath(%s) is %s", (path, arg) => {
  expect(argOfPodPath(path)).toBe(arg);
});

test("securityContextArgProblems: an Output or a non-object is refused, a plain object passes", () => {
  expect(securityContextArgProblems(undefined, "securityContext")).toEqual([]);
  expect(securityContextArgProblems({ readOnlyRootFilesystem: true }, "securityContext")).toEqual([]);
  expect(securityContextArgProblems(pulumi.output({}), "securityContext").map((p) => p.code)).toEqual([
    "PAVED_K8S_PLAIN_VALUE_REQUIRED",
  ]);
  expect(securityContextArgProblems("privileged", "podSecurityContext")).toEqual([
    expect.objectContaining({ code: "PAVED_K8S_POD_SPEC_VALUE", arg: "podSecurityContext" }),
  ]);
});

describe("CanaryRollout refuses a non-plain value the Pod Security check needs", () => {
  test.each<[string, Partial<CanaryRolloutArgs>, string, string]>([
    [
      "an Output runAsUser",
      { securityContext: { runAsUser: pulumi.output(10001) } },
      "PAVED_K8S_PLAIN_VALUE_REQUIRED",
      "securityContext.runAsUser",
    ],
    [
      "an Output image (JavaScript)",
      { image: pulumi.output(IMAGE) as unknown as string },
      "PAVED_K8S_PLAIN_VALUE_REQUIRED",
      "image",
    ],
    [
      "a whole securityContext as an Output",
      { securityContext: pulumi.output({ privileged: true }) as unknown as Record<string, unknown> },
      "PAVED_K8S_PLAIN_VALUE_REQUIRED",
      "securityContext",
    ],
    [
      "a malformed pod runAsNonRoot",
      { podSecurityContext: { runAsNonRoot: "yes" } },
      "PAVED_K8S_POD_SPEC_VALUE",
      "podSecurityContext.runAsNonRoot",
    ],
  ])("%s", async (_what, change, code, arg) => {
    const before = records.length;
    const err = errorOf(() => new CanaryRollout("plain", { ...BASE, ...change }));
    expect(err.problems.map((p) => [p.code, p.arg])).toContainEqual([code, arg]);
    expect(err.problems.map((p) => p.code)).not.toContain("PSS_UNKNOWN");
    expect(err.message).toContain(`CanaryRollout "plain": ${arg} `);
    if (code === "PAVED_K8S_PLAIN_VALUE_REQUIRED")
      expect(err.message).toMatch(/must be a plain value, not an Output/);
    await settle();
    expect(records.slice(before).filter((r) => r.name.startsWith("plain-"))).toEqual([]);
  });
});
