#!/usr/bin/env node
// Regenerates policies/kubernetes/schemas/api-schemas.json: the reduced
// Kubernetes API schemas `k8s-api-schema` (and test/components/kubernetes/
// schemas.test.ts) validate objects against. Needs Go (run by hand when a
// pinned version changes; `npm test` needs only the committed output).
//
// Sources, pinned (each a Go module, fetched with `go mod download -json`
// into the module cache, checked by the go.sum database):
//   k8s.io/kubernetes                         api/openapi-spec/v3/*.json  (the API server's own OpenAPI v3)
//   github.com/argoproj/argo-rollouts         manifests/crds/*.yaml       (Rollout, AnalysisTemplate)
//   github.com/prometheus-operator/prometheus-operator
//                                             example/prometheus-operator-crd/*.yaml (PrometheusRule, ServiceMonitor, PodMonitor)
//
// Reduction: only the kinds listed below and the definitions they reach;
// descriptions, defaults, examples, printer columns and the list/patch/map
// merge markers dropped; CEL rules (x-kubernetes-validations) dropped (not
// evaluated). What validation reads is kept: type, format, enum, properties,
// additionalProperties, items, required, nullable, oneOf/anyOf/allOf/not,
// the numeric/string/array/object bounds, pattern, and the
// x-kubernetes-int-or-string / -preserve-unknown-fields / -embedded-resource
// markers. In a CRD schema an object without properties,
// additionalProperties or x-kubernetes-preserve-unknown-fields keeps no field
// (the API server prunes them; strict field validation rejects them): the
// script writes that as `additionalProperties: false`.
//
// The output is gzipped JSON in base64 inside a JSON file, so tsc types it as
// one string (cheap), copies it to dist/, and the policy pack builder
// (scripts/build-policy-pack.js) finds it as an ordinary require.
//
// After regenerating, run scripts/compile-k8s-validators.js: the precompiled
// validators are made from this bundle (a test fails until they match).
//
// Usage: node scripts/fetch-k8s-schemas.js [--check]
//   --check  regenerate in memory and exit 1 when the committed data differs (by sha256)
"use strict";
const { execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const YAML = require("yaml");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "policies", "kubernetes", "schemas");
const OUT = path.join(OUT_DIR, "api-schemas.json");

/** The Kubernetes minor NamespaceBaseline pins Pod Security to (v1.31), at its latest patch. */
const KUBERNETES = { module: "k8s.io/kubernetes", version: "v1.31.14", dir: "api/openapi-spec/v3" };
/**
 * The Go API types of the same release: Kubernetes' OpenAPI carries no enums, but the
 * API server rejects a value outside an `// +enum` type's constants ("Unsupported
 * value"); the script reads those from the types and adds them as `enum`.
 */
const KUBERNETES_API = {
  module: "k8s.io/api",
  version: "v0.31.14",
  packages: ["core", "apps", "batch", "rbac", "networking", "storage", "policy"],
};
/** components/kubernetes/rollout/README.md pins the controller to v1.8.3. */
const ARGO_ROLLOUTS = {
  module: "github.com/argoproj/argo-rollouts",
  version: "v1.8.3",
  dir: "manifests/crds",
};
const PROMETHEUS_OPERATOR = {
  module: "github.com/prometheus-operator/prometheus-operator",
  version: "v0.85.0",
  dir: "example/prometheus-operator-crd",
};

/** Built-in kinds: what Paved's components render plus what the policy pack reads. group/version/Kind. */
const BUILTIN_KINDS = [
  "/v1/Namespace",
  "/v1/ResourceQuota",
  "/v1/LimitRange",
  "/v1/ServiceAccount",
  "/v1/PersistentVolumeClaim",
  "/v1/PersistentVolume",
  "/v1/Pod",
  "/v1/PodTemplate",
  "/v1/ReplicationController",
  "/v1/Service",
  "/v1/ConfigMap",
  "/v1/Secret",
  "apps/v1/Deployment",
  "apps/v1/StatefulSet",
  "apps/v1/DaemonSet",
  "apps/v1/ReplicaSet",
  "batch/v1/Job",
  "batch/v1/CronJob",
  "rbac.authorization.k8s.io/v1/Role",
  "rbac.authorization.k8s.io/v1/RoleBinding",
  "rbac.authorization.k8s.io/v1/ClusterRole",
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
  "networking.k8s.io/v1/NetworkPolicy",
  "networking.k8s.io/v1/Ingress",
  "storage.k8s.io/v1/StorageClass",
  "policy/v1/PodDisruptionBudget",
];

/** CRDs: module, file, and the versions kept. */
const CRDS = [
  { source: ARGO_ROLLOUTS, file: "rollout-crd.yaml", versions: ["v1alpha1"] },
  { source: ARGO_ROLLOUTS, file: "analysis-template-crd.yaml", versions: ["v1alpha1"] },
  { source: PROMETHEUS_OPERATOR, file: "monitoring.coreos.com_prometheusrules.yaml", versions: ["v1"] },
  { source: PROMETHEUS_OPERATOR, file: "monitoring.coreos.com_servicemonitors.yaml", versions: ["v1"] },
  { source: PROMETHEUS_OPERATOR, file: "monitoring.coreos.com_podmonitors.yaml", versions: ["v1"] },
];

/** Keywords kept from the sources (everything else is dropped). */
const KEEP = new Set([
  "type",
  "format",
  "enum",
  "properties",
  "additionalProperties",
  "items",
  "required",
  "nullable",
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "x-kubernetes-int-or-string",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
  "$ref",
]);

const REF_PREFIX = "#/components/schemas/";

function download(source) {
  const out = execFileSync("go", ["mod", "download", "-json", `${source.module}@${source.version}`], {
    encoding: "utf8",
    env: { ...process.env, GOFLAGS: "-mod=mod" },
  });
  const info = JSON.parse(out);
  if (info.Error) throw new Error(`${source.module}@${source.version}: ${info.Error}`);
  return info;
}

function sha256(buf) {
  return crypto.createHash("sha256").update(buf).digest("hex");
}

/** Reduces one schema node. `crd`: structural-schema semantics (closed objects). */
function reduce(node, crd) {
  if (Array.isArray(node)) return node.map((n) => reduce(n, crd));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (!KEEP.has(k)) continue;
    if (k === "properties") {
      out.properties = {};
      for (const [p, s] of Object.entries(v)) out.properties[p] = reduce(s, crd);
    } else if (k === "$ref") {
      if (!v.startsWith(REF_PREFIX)) throw new Error(`unexpected $ref ${v}`);
      out.$ref = v.slice(REF_PREFIX.length);
    } else if (k === "additionalProperties" || k === "items" || k === "not") {
      out[k] = typeof v === "boolean" ? v : reduce(v, crd);
    } else if (k === "oneOf" || k === "anyOf" || k === "allOf") {
      out[k] = v.map((s) => reduce(s, crd));
    } else {
      out[k] = v;
    }
  }
  // `allOf: [{ $ref }]` (how OpenAPI v3 attaches a description or default to a ref) is the ref.
  if (out.allOf && out.allOf.length === 1 && out.allOf[0].$ref && Object.keys(out).length === 1) {
    return { $ref: out.allOf[0].$ref };
  }
  if (
    crd &&
    out.type === "object" &&
    out.properties === undefined &&
    out.additionalProperties === undefined &&
    out["x-kubernetes-preserve-unknown-fields"] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/** Definition names a node refers to. */
function refsOf(node, acc) {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, acc));
  else if (node && typeof node === "object") {
    if (typeof node.$ref === "string") acc.add(node.$ref);
    for (const v of Object.values(node)) refsOf(v, acc);
  }
  return acc;
}

/**
 * Hoists subtrees the CRD schemas repeat (containers, initContainers and
 * ephemeralContainers share most of their schema, and the Rollout's pod
 * template is the AnalysisTemplate's Job pod template) into definitions of
 * their own, named by content (`crd~<sha256 prefix>`), so a validator compiles
 * each once. Semantics unchanged. `schemas`: definition name -> reduced schema.
 */
function hoist(schemas, definitions) {
  const counts = new Map();
  const count = (node) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(count);
    const key = JSON.stringify(node);
    if (key.length >= 400) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const v of Object.values(node)) count(v);
  };
  for (const schema of Object.values(schemas)) count(schema);
  const replace = (node, top) => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map((n) => replace(n, false));
    const key = JSON.stringify(node);
    if (!top && (counts.get(key) ?? 0) > 1) {
      const name = `crd~${crypto.createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
      if (!definitions[name]) definitions[name] = replace(node, true);
      return { $ref: name };
    }
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === "properties"
          ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, replace(s, false)]))
          : replace(v, false);
    }
    return out;
  };
  for (const [name, schema] of Object.entries(schemas)) definitions[name] = replace(schema, true);
}

/**
 * The `// +enum` types of the k8s.io/api packages, their constants, and the
 * struct fields of those types: `{ "io.k8s.api.core.v1.Container": { imagePullPolicy: { list: false, values } } }`.
 */
function goEnums(dir) {
  const enums = new Map(); // "pkg.Type" -> Set of values
  const aliases = new Map(); // "pkg.Alias" -> "pkg.Type"
  const texts = {};
  for (const pkg of KUBERNETES_API.packages) {
    texts[pkg] = fs.readFileSync(path.join(dir, pkg, "v1", "types.go"), "utf8");
    const lines = texts[pkg].split("\n");
    let comment = [];
    for (const line of lines) {
      if (/^\s*\/\//.test(line)) {
        comment.push(line);
        continue;
      }
      const t = /^type (\w+) (=\s*)?(\w+)\s*$/.exec(line);
      if (t && t[2]) aliases.set(`${pkg}.${t[1]}`, `${pkg}.${t[3]}`);
      else if (t && t[3] === "string" && comment.some((c) => /^\s*\/\/\s*\+enum\s*$/.test(c))) {
        enums.set(`${pkg}.${t[1]}`, new Set());
      }
      comment = [];
    }
  }
  const resolve = (k) => aliases.get(k) ?? k;
  for (const pkg of KUBERNETES_API.packages) {
    // Constants: `Name Type = "value"` (in a const block or after `const`), never commented out.
    for (const m of texts[pkg].matchAll(/^\s*(?:const\s+)?\w+\s+(\w+)\s*=\s*"([^"]*)"/gm)) {
      const set = enums.get(resolve(`${pkg}.${m[1]}`));
      if (set) set.add(m[2]);
    }
  }
  const out = {};
  for (const pkg of KUBERNETES_API.packages) {
    let struct;
    for (const line of texts[pkg].split("\n")) {
      const open = /^type (\w+) struct \{/.exec(line);
      if (open) {
        struct = open[1];
        continue;
      }
      if (/^\}/.test(line)) struct = undefined;
      if (!struct) continue;
      const f = /^\t\w+\s+(\[\])?\*?(?:(\w+)\.)?(\w+)\s+`json:"([^,"]+)/.exec(line);
      if (!f) continue;
      const typePkg = f[2] ? "core" : pkg; // the packages import core/v1 for its types
      const values = enums.get(resolve(`${typePkg}.${f[3]}`));
      if (!values || values.size === 0) continue;
      const def = `io.k8s.api.${pkg}.v1.${struct}`;
      (out[def] ??= {})[f[4]] = { list: Boolean(f[1]), values: [...values].sort() };
    }
  }
  return out;
}

/** Adds the Go enums to the definitions that have the field as a string (or list of strings). */
function addEnums(definitions, enums) {
  let n = 0;
  for (const [def, fields] of Object.entries(enums)) {
    const d = definitions[def];
    if (!d?.properties) continue;
    for (const [field, e] of Object.entries(fields)) {
      const prop = d.properties[field];
      const target = e.list ? prop?.items : prop;
      if (!target || target.type !== "string" || target.enum) continue;
      target.enum = e.values;
      n++;
    }
  }
  return n;
}

function gvkKey(g) {
  return `${g.group ? `${g.group}/` : ""}${g.version}/${g.kind}`;
}

function build() {
  const sources = [];
  const definitions = {};
  const kinds = {};
  const served = new Set();

  // 1. Kubernetes: every GVK served (for "apiVersion not served"), and the kinds we keep.
  const k8s = download(KUBERNETES);
  const specDir = path.join(k8s.Dir, KUBERNETES.dir);
  const all = {};
  const files = fs
    .readdirSync(specDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const fileHashes = {};
  for (const f of files) {
    const buf = fs.readFileSync(path.join(specDir, f));
    const schemas = JSON.parse(buf.toString("utf8")).components?.schemas ?? {};
    let used = false;
    for (const [name, s] of Object.entries(schemas)) {
      for (const g of s["x-kubernetes-group-version-kind"] ?? []) {
        // Only resources (with metadata), not options, events or lists.
        if (s.properties?.metadata && !g.kind.endsWith("List")) served.add(gvkKey(g));
        if (BUILTIN_KINDS.includes(`${g.group}/${g.version}/${g.kind}`)) {
          kinds[gvkKey(g)] = name;
          used = true;
        }
      }
      if (!all[name]) all[name] = s;
    }
    if (used) fileHashes[f] = sha256(buf);
  }
  for (const k of BUILTIN_KINDS) {
    const key = k.startsWith("/") ? k.slice(1) : k;
    if (!kinds[key]) throw new Error(`${k} is not in ${KUBERNETES.module}@${KUBERNETES.version}`);
  }
  const todo = Object.values(kinds);
  while (todo.length) {
    const name = todo.pop();
    if (definitions[name]) continue;
    if (!all[name]) throw new Error(`definition ${name} not found`);
    definitions[name] = reduce(all[name], false);
    for (const r of refsOf(definitions[name], new Set())) if (!definitions[r]) todo.push(r);
  }
  const api = download(KUBERNETES_API);
  const enumCount = addEnums(definitions, goEnums(api.Dir));
  if (enumCount < 20)
    throw new Error(`only ${enumCount} enums found in ${KUBERNETES_API.module}: has the layout changed?`);
  sources.push({
    module: KUBERNETES.module,
    version: KUBERNETES.version,
    goSum: k8s.Sum,
    path: KUBERNETES.dir,
    files: fileHashes,
    license: "Apache-2.0",
  });
  sources.push({
    module: KUBERNETES_API.module,
    version: KUBERNETES_API.version,
    goSum: api.Sum,
    path: ".",
    files: Object.fromEntries(
      KUBERNETES_API.packages.map((p) => [
        `${p}/v1/types.go`,
        sha256(fs.readFileSync(path.join(api.Dir, p, "v1", "types.go"))),
      ]),
    ),
    license: "Apache-2.0",
    enums: enumCount,
  });

  // 2. CRDs.
  const crdSources = new Map();
  const crdSchemas = {};
  for (const c of CRDS) {
    let info = crdSources.get(c.source);
    if (!info) {
      info = { dl: download(c.source), files: {} };
      crdSources.set(c.source, info);
    }
    const buf = fs.readFileSync(path.join(info.dl.Dir, c.source.dir, c.file));
    info.files[c.file] = sha256(buf);
    const crd = YAML.parse(buf.toString("utf8"));
    for (const v of crd.spec.versions) {
      if (!c.versions.includes(v.name)) continue;
      if (!v.served) throw new Error(`${c.file} ${v.name} is not served`);
      const key = `${crd.spec.group}/${v.name}/${crd.spec.names.kind}`;
      const name = `${crd.spec.group}.${v.name}.${crd.spec.names.kind}`;
      const schema = reduce(v.schema.openAPIV3Schema, true);
      // The API server validates a custom resource's metadata as ObjectMeta.
      schema.properties.metadata = { $ref: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" };
      crdSchemas[name] = schema;
      kinds[key] = name;
      served.add(key);
    }
  }
  hoist(crdSchemas, definitions);
  for (const [source, info] of crdSources) {
    sources.push({
      module: source.module,
      version: source.version,
      goSum: info.dl.Sum,
      path: source.dir,
      files: info.files,
      license: "Apache-2.0",
    });
  }

  const sortedDefs = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((k) => [k, definitions[k]]),
  );
  const sortedKinds = Object.fromEntries(
    Object.keys(kinds)
      .sort()
      .map((k) => [k, kinds[k]]),
  );
  const bundle = {
    kubernetesVersion: KUBERNETES.version,
    sources,
    kinds: sortedKinds,
    served: [...served].sort(),
    definitions: sortedDefs,
  };
  const json = JSON.stringify(bundle);
  const gz = zlib.gzipSync(Buffer.from(json, "utf8"), { level: 9 });
  // gzip's header holds a timestamp: zero it so a rerun writes the same bytes.
  gz.writeUInt32LE(0, 4);
  return {
    file: {
      format: "paved-k8s-api-schemas/1 (gzip, base64; see scripts/fetch-k8s-schemas.js)",
      kubernetesVersion: KUBERNETES.version,
      sources: sources.map((s) => `${s.module}@${s.version}`),
      sha256: sha256(Buffer.from(json, "utf8")),
      gzip: gz.toString("base64"),
    },
    jsonBytes: json.length,
    bundle,
  };
}

function main() {
  const check = process.argv.includes("--check");
  const { file, jsonBytes, bundle } = build();
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (check) {
    // Compared by the JSON's sha256: zlib versions may compress the same JSON to other bytes.
    const current = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, "utf8")) : {};
    if (current.sha256 !== file.sha256) {
      process.stderr.write(`${path.relative(ROOT, OUT)} is stale: run node scripts/fetch-k8s-schemas.js\n`);
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(OUT, text);
  process.stdout.write(
    `${path.relative(ROOT, OUT)}: ${Object.keys(bundle.kinds).length} kinds, ` +
      `${Object.keys(bundle.definitions).length} definitions, ${jsonBytes} bytes of JSON, ` +
      `${text.length} bytes written; sha256 of the JSON ${file.sha256}\n`,
  );
  for (const s of bundle.sources) {
    process.stdout.write(`  ${s.module}@${s.version} ${s.goSum}\n`);
    for (const [f, h] of Object.entries(s.files)) process.stdout.write(`    ${s.path}/${f} sha256 ${h}\n`);
  }
}

main();
