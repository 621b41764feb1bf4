/**
 * The content of policies/kubernetes/schemas/api-validators.json, made from
 * the committed schema bundle by the installed ajv: what
 * scripts/compile-k8s-validators.js writes and
 * test/policies/lib/k8s-api-validators.test.ts compares with the committed file.
 */
import { createHash } from "crypto";
import { gzipSync } from "zlib";
import { standaloneCode } from "./k8s-api-schema-compile";
import { ajvVersion, schemaBundle } from "./k8s-api-schema";
import bundleFile from "../kubernetes/schemas/api-schemas.json";

/** The file as written (JSON). */
export interface ValidatorsFile {
  readonly format: string;
  /** The sha256 of the bundle's JSON the code was made from. */
  readonly schemas: string;
  /** The ajv version that made the code (its runtime helpers must match). */
  readonly ajv: string;
  /** The definitions exported: those of every kind in the bundle. */
  readonly definitions: readonly string[];
  /** The length of the code. */
  readonly bytes: number;
  /** The sha256 of the code. */
  readonly sha256: string;
  /** The code, gzipped, in base64. */
  readonly gzip: string;
}

/** Generates the file's content. Deterministic for a bundle and an ajv version. */
export function validatorsFile(): ValidatorsFile {
  const bundle = schemaBundle();
  const definitions = [...new Set(Object.values(bundle.kinds))].sort();
  const code = standaloneCode(bundle.definitions, definitions);
  const gz = gzipSync(Buffer.from(code, "utf8"), { level: 9 });
  gz.writeUInt32LE(0, 4); // gzip's header holds a timestamp: zero it so a rerun writes the same bytes
  return {
    format:
      "paved-k8s-api-validators/1 (ajv standalone code, gzip, base64; see scripts/compile-k8s-validators.js)",
    schemas: bundleFile.sha256,
    ajv: ajvVersion(),
    definitions,
    bytes: code.length,
    sha256: createHash("sha256").update(code).digest("hex"),
    gzip: gz.toString("base64"),
  };
}
