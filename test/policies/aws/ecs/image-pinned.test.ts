import { ecsImagePinned } from "../../../../policies/aws/ecs/image-pinned";
import { describePolicyTable, unknown } from "../../harness";
import { API, DAEMON, TASK, taskProps, withApi } from "./fixtures";

const DIGEST = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:${"a".repeat(64)}`;

describePolicyTable(ecsImagePinned, {
  base: { type: TASK, props: taskProps([API]) },
  pass: [
    { name: "a digest", patch: withApi({ image: DIGEST }) },
    { name: "a tag and a digest", patch: withApi({ image: `nginx:1.27.0@sha256:${"b".repeat(64)}` }) },
    {
      name: "a registry with a port and a tag",
      patch: withApi({ image: "registry.local:5000/team/api:2.0.1" }),
    },
    {
      name: "a digest with requireDigest",
      patch: withApi({ image: DIGEST }),
      options: { config: { requireDigest: true } },
    },
    { name: "the containers as an array of objects", patch: withApi({}, false) },
    {
      name: "a daemon task definition with a release tag",
      fixture: {
        type: DAEMON,
        props: {
          family: "d",
          containerDefinitions: [{ name: "agent", image: "public.ecr.aws/datadog/agent:7.50.0" }],
        },
      },
    },
  ],
  fail: [
    {
      name: "tag latest",
      patch: withApi({ image: "nginx:latest" }),
      expect:
        /container "api" uses image "nginx:latest", tagged latest, which moves \(containerDefinitions\[0\]\.image\)/,
      count: 1,
    },
    {
      name: "untagged",
      patch: withApi({ image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api" }),
      expect: /untagged, so ECS pulls latest/,
      count: 1,
    },
    {
      name: "untagged behind a registry port",
      patch: withApi({ image: "registry.local:5000/api" }),
      expect: /untagged/,
      count: 1,
    },
    {
      name: "a tag only, with requireDigest",
      patch: withApi({ image: "nginx:1.27.0" }),
      options: { config: { requireDigest: true } },
      expect: /pinned by tag only/,
      count: 1,
    },
    {
      name: "no image",
      patch: withApi({ image: undefined }),
      expect: /container "api" has no image/,
      count: 1,
    },
    {
      name: "every container: a sidecar on latest",
      patch: {
        containerDefinitions: JSON.stringify([API, { name: "envoy", image: "envoyproxy/envoy:latest" }]),
      },
      expect: /container "envoy" uses image "envoyproxy\/envoy:latest"/,
      count: 1,
    },
    {
      name: "a daemon task definition untagged",
      fixture: {
        type: DAEMON,
        props: { family: "d", containerDefinitions: [{ name: "agent", image: "datadog/agent" }] },
      },
      expect: /container "agent" uses image "datadog\/agent", untagged/,
      count: 1,
    },
  ],
  unknown: [
    { name: "containerDefinitions unknown", patch: { containerDefinitions: unknown } },
    {
      name: "the image unknown (an ECR repository URL at preview)",
      patch: withApi({ image: unknown }, false),
    },
  ],
});
