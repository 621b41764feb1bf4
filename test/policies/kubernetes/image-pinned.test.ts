import { k8sImagePinned } from "../../../policies/kubernetes/image-pinned";
import { describePodPolicyTable, mutated, unknown } from "./fixtures";

const digest = "registry.example.com/app@sha256:" + "c".repeat(64);

describePodPolicyTable(k8sImagePinned, {
  everyKind: { mutate: (s) => (s.containers[0].image = "nginx:latest"), expect: /mutable tag latest/ },
  containerFail: [
    {
      name: "untagged",
      mutate: (c) => (c.image = "registry.example.com:5000/team/app"),
      expect: /has no tag/,
    },
    { name: "latest", mutate: (c) => (c.image = "app:latest"), expect: /latest/ },
  ],
  pass: [{ name: "by digest", mutate: (s) => (s.containers[0].image = digest) }],
  extraFail: [
    {
      name: "a tag when the config requires digests",
      fixture: mutated("Deployment", (s) => {
        s.initContainers[0].image = digest;
        s.ephemeralContainers[0].image = digest;
      }),
      options: { config: { requireDigest: true } },
      expect: /pinned by tag only/,
      count: 1,
    },
  ],
  extraPass: [
    {
      name: "digests everywhere when the config requires digests",
      fixture: mutated("Deployment", (s) => {
        for (const l of ["containers", "initContainers", "ephemeralContainers"]) s[l][0].image = digest;
      }),
      options: { config: { requireDigest: true } },
    },
  ],
  unknown: [
    { name: "image unknown (built in the same stack)", mutate: (s) => (s.containers[0].image = unknown) },
  ],
});
