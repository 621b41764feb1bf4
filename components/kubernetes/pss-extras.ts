/**
 * The Paved extras on pod specs, beyond the Pod Security Standards: images pinned
 * by tag or digest, and CPU and memory limits and requests. Pure; never throws.
 */
import type { ContainerRef, Findings } from "./pss-core";
import { UNKNOWN, get, imagePin, show } from "./workloads";

/** Every container (all three lists) runs an image pinned by tag (not latest) or digest. */
export function checkImages(containers: readonly ContainerRef[], requireDigest: boolean, f: Findings): void {
  for (const c of containers) {
    const image = get(c.value, "image");
    const path = `${c.path}.image`;
    if (image === UNKNOWN) {
      f.unknown("imagePinned", path, image);
      continue;
    }
    const pin = typeof image === "string" ? imagePin(image) : "invalid";
    const problem = {
      digest: undefined,
      tag: requireDigest ? "is pinned by tag only, and a digest is required" : undefined,
      latest: "uses the mutable tag latest",
      untagged: "has no tag, so it pulls latest",
      invalid: `is not a valid image reference (${show(image)})`,
    }[pin];
    const fix = requireDigest ? "pin the image by digest: registry/app@sha256:<digest>" : undefined;
    if (problem !== undefined) f.add("PAVED_IMAGE_UNPINNED", path, `${c.label} image ${problem}`, fix);
  }
}

/** Containers and init containers (ephemeral ones cannot carry resources) need CPU and memory limits and requests. */
export function checkResources(containers: readonly ContainerRef[], f: Findings): void {
  for (const c of containers) {
    if (c.list === "ephemeralContainers") continue;
    const res = get(c.value, "resources");
    for (const [kind, code] of [
      ["limits", "PAVED_LIMITS_MISSING"],
      ["requests", "PAVED_REQUESTS_MISSING"],
    ] as const) {
      const map = get(res, kind);
      const path = `${c.path}.resources.${kind}`;
      if (res === UNKNOWN || map === UNKNOWN) {
        f.unknown("resources", path, UNKNOWN);
        continue;
      }
      const missing: string[] = [];
      for (const r of ["cpu", "memory"]) {
        const v = get(map, r);
        if (v === UNKNOWN) f.unknown("resources", `${path}.${r}`, v);
        else if (v === undefined || v === null || v === "") missing.push(r);
      }
      if (missing.length > 0) {
        const fix = `set ${missing.map((r) => `resources.${kind}.${r}`).join(" and ")}`;
        f.add(code, path, `${c.label} has no ${missing.join(" or ")} ${kind}`, fix);
      }
    }
  }
}
