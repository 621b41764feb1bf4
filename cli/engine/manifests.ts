/**
 * Kubernetes objects that pass unseen under mocks, made visible:
 * - `kubernetes.yaml.ConfigGroup`/`ConfigFile` (v1) expand client-side after
 *   the `kubernetes:yaml:decode` invoke: {@link decodeYaml} answers it, so the
 *   SDK registers every object itself, with its own naming.
 * - `kubernetes.yaml.v2.ConfigGroup`/`ConfigFile` are provider-side components:
 *   under mocks their objects are never registered. {@link expandManifests}
 *   registers each one as the provider would (`kubernetes:<group>/<version>:<Kind>`,
 *   a child of the component, named `<prefix>:<namespace>/<name>`, the prefix
 *   defaulting to the component's name).
 * - What paved cannot render (a Helm v4 chart, a kustomization, a remote or globbed
 *   manifest) is a visible "not checked: <why>", never silence.
 */
import * as fs from "fs";
import * as path from "path";
import type { CheckResource } from "./resource";

/** Parses a multi-document YAML (or JSON) manifest into its objects, skipping empty documents. */
export function decodeYaml(text: string): Record<string, unknown>[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require("yaml") as typeof import("yaml");
  return YAML.parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`invalid YAML manifest: ${d.errors[0].message}`);
      return d.toJS() as unknown;
    })
    .filter((o): o is Record<string, unknown> => typeof o === "object" && o !== null && !Array.isArray(o));
}

/** A resource paved could not check, and why. */
export interface NotChecked {
  readonly urn: string;
  readonly why: string;
}

const V2 = new Set(["kubernetes:yaml/v2:ConfigGroup", "kubernetes:yaml/v2:ConfigFile"]);

/**
 * Provider-side components whose objects only the provider (and helm) can
 * render: a real preview registers and checks them, the mocks never see them.
 * (A Helm v3 Release is opaque even to a real preview: the pack itself reports
 * it, `k8s-helm-release-not-checked`.)
 */
const UNRENDERED: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v3:Release":
    "a Helm release is rendered by helm inside the provider; paved cannot see its objects",
  "kubernetes:helm.sh/v4:Chart":
    "a Helm v4 chart is rendered by helm inside the provider; paved cannot see its objects",
  "kubernetes:kustomize/v2:Directory":
    "a kustomization is rendered inside the provider; paved cannot see its objects",
};

/** The type token of a Kubernetes object: `v1` is the core group. */
export function kubernetesType(apiVersion: string, kind: string): string {
  return `kubernetes:${apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`}:${kind}`;
}

function stringsOf(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return [];
}

/**
 * The objects of each v2 ConfigGroup/ConfigFile, as child records, and a note
 * for everything paved cannot read. `programDir` resolves relative files.
 */
export function expandManifests(
  resources: readonly CheckResource[],
  programDir: string,
): { added: CheckResource[]; notChecked: NotChecked[] } {
  const added: CheckResource[] = [];
  const notChecked: NotChecked[] = [];
  for (const r of resources) {
    const why = UNRENDERED[r.type];
    if (why) {
      notChecked.push({ urn: r.urn, why });
      continue;
    }
    if (!V2.has(r.type)) continue;
    const p = r.properties;
    const objects: Record<string, unknown>[] = [];
    try {
      for (const text of stringsOf(p.yaml)) objects.push(...decodeYaml(text));
      for (const o of Array.isArray(p.objs) ? p.objs : []) {
        if (typeof o === "object" && o !== null) objects.push(o as Record<string, unknown>);
      }
      for (const file of [...stringsOf(p.files), ...stringsOf(p.file)]) {
        if (/^[a-z]+:\/\//i.test(file) || /[*?[]/.test(file)) {
          notChecked.push({
            urn: r.urn,
            why: `manifest ${file} is remote or a glob; paved reads local files only`,
          });
          continue;
        }
        objects.push(...decodeYaml(fs.readFileSync(path.resolve(programDir, file), "utf8")));
      }
    } catch (e) {
      notChecked.push({
        urn: r.urn,
        why: `cannot read its manifests: ${(e as Error).message.split("\n")[0]}`,
      });
      continue;
    }
    const prefix = typeof p.resourcePrefix === "string" ? p.resourcePrefix : r.name;
    const [head, , chain] = r.urn.split("::");
    const project = r.urn.split("::")[1];
    for (const o of objects) {
      const apiVersion = typeof o.apiVersion === "string" ? o.apiVersion : "";
      const kind = typeof o.kind === "string" ? o.kind : "";
      const meta = (o.metadata ?? {}) as { name?: unknown; namespace?: unknown };
      if (!apiVersion || !kind || typeof meta.name !== "string") {
        notChecked.push({ urn: r.urn, why: "an object without apiVersion, kind or metadata.name" });
        continue;
      }
      // Lists (`kind: List`, `*List`) carry their objects in items.
      const type = kubernetesType(apiVersion, kind);
      const objName = typeof meta.namespace === "string" ? `${meta.namespace}/${meta.name}` : meta.name;
      const name = prefix ? `${prefix}:${objName}` : objName;
      added.push({
        urn: `${head}::${project}::${chain}$${type}::${name}`,
        type,
        name,
        custom: true,
        parent: r.urn,
        dependencies: [],
        properties: o,
        source: r.source,
      });
    }
  }
  return { added, notChecked };
}
