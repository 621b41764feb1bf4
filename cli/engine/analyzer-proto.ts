/**
 * The analyzer wire format, both ways: resource records to the requests the
 * engine sends a policy pack (`AnalyzeRequest`, `AnalyzeStackRequest`), and
 * responses back to plain violations. Shared by the gRPC client
 * (`analyzer.ts`, used by `paved check`) and the in-process policy test
 * harness, so both speak exactly what the engine speaks.
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/** A resource to analyze; the fields `RecordedResource` (mocks.ts) carries that the analyzer reads. */
export interface AnalyzerResourceRecord {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** The inputs, as plain JavaScript. Unknowns are the preview sentinel string. */
  readonly inputs: Record<string, unknown>;
  /** The parent's URN; empty or absent for a top-level resource. */
  readonly parent?: string;
  readonly dependencies?: readonly string[];
  /** The resource's provider with its inputs (AWS `defaultTags`, region), when known. */
  readonly providerResource?: {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
  };
}

export type ViolationLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type ViolationSeverity = "low" | "medium" | "high" | "critical" | undefined;

/** One violation as the pack reports it. */
export interface Violation {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly description: string;
  /** The description, a newline, then the finding (the SDK's format). */
  readonly message: string;
  readonly enforcementLevel: ViolationLevel;
  readonly severity: ViolationSeverity;
  /** The URN blamed; empty when the analyzed resource is meant. */
  readonly urn: string;
}

/** Removes `undefined` (which `Struct.fromJavaScript` rejects) from objects and arrays, recursively. */
export function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(stripUndefined);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = stripUndefined(v);
    }
    return out;
  }
  return value;
}

/** Inputs as a protobuf Struct. */
export function toStruct(inputs: Record<string, unknown>): Struct {
  return Struct.fromJavaScript(stripUndefined(inputs) as Parameters<typeof Struct.fromJavaScript>[0]);
}

/**
 * A Struct for a receiver in this process (the in-process transport): its
 * fields are built only when something reads them as protobuf (a
 * serialization, `getFieldsMap`), while `toJavaScript()`, which is all the
 * policy SDK calls, answers the inputs directly (a fresh copy without
 * `undefined`, the value a built Struct converts back to). Building jspb
 * messages for every input only to read them back was most of the
 * in-process cost per resource, and their garbage most of the GC time.
 */
export function lazyStruct(inputs: Record<string, unknown>): Struct {
  const s = new Struct();
  let built: Struct | undefined;
  const full = () => (built ??= toStruct(inputs));
  const proto = s as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of [
    "getFieldsMap",
    "clearFieldsMap",
    "serializeBinary",
    "toObject",
    "cloneMessage",
    "toArray",
  ]) {
    proto[m] = (...a: unknown[]) =>
      (full() as unknown as Record<string, (...x: unknown[]) => unknown>)[m](...a);
  }
  s.toJavaScript = () => stripUndefined(inputs) as ReturnType<Struct["toJavaScript"]>;
  return s;
}

function options(parent: string | undefined): analyzerpb.AnalyzerResourceOptions {
  // Always set: without options the SDK answers "a more recent version of the Pulumi CLI is required".
  const opts = new analyzerpb.AnalyzerResourceOptions();
  if (parent) opts.setParent(parent);
  return opts;
}

/** The request the engine sends for one resource. */
export function toAnalyzeRequest(r: AnalyzerResourceRecord): analyzerpb.AnalyzeRequest {
  const req = new analyzerpb.AnalyzeRequest();
  req.setType(r.type);
  req.setUrn(r.urn);
  req.setName(r.name);
  req.setProperties(toStruct(r.inputs));
  req.setOptions(options(r.parent));
  if (r.providerResource) req.setProvider(providerOf(r.providerResource));
  return req;
}

/** A resource's provider as the engine sends it (`AnalyzeRequest.provider`: type, URN, name, inputs). */
export function providerOf(
  p: NonNullable<AnalyzerResourceRecord["providerResource"]>,
): analyzerpb.AnalyzerProviderResource {
  const out = new analyzerpb.AnalyzerProviderResource();
  out.setType(p.type);
  out.setUrn(p.urn);
  out.setName(p.name);
  out.setProperties(toStruct(p.inputs));
  return out;
}

/** One resource of an `AnalyzeStackRequest`. */
export function toAnalyzerResource(r: AnalyzerResourceRecord): analyzerpb.AnalyzerResource {
  const res = new analyzerpb.AnalyzerResource();
  res.setType(r.type);
  res.setUrn(r.urn);
  res.setName(r.name);
  res.setProperties(toStruct(r.inputs));
  res.setOptions(options(r.parent));
  if (r.parent) res.setParent(r.parent);
  res.setDependenciesList([...(r.dependencies ?? [])]);
  if (r.providerResource) res.setProvider(providerOf(r.providerResource));
  return res;
}

/** The request the engine sends once for the whole stack. */
export function toAnalyzeStackRequest(rs: readonly AnalyzerResourceRecord[]): analyzerpb.AnalyzeStackRequest {
  const req = new analyzerpb.AnalyzeStackRequest();
  req.setResourcesList(rs.map(toAnalyzerResource));
  return req;
}

/** Maps the wire enforcement level to its name. */
export function levelName(level: analyzerpb.EnforcementLevel): ViolationLevel {
  switch (level) {
    case analyzerpb.EnforcementLevel.ADVISORY:
      return "advisory";
    case analyzerpb.EnforcementLevel.MANDATORY:
      return "mandatory";
    case analyzerpb.EnforcementLevel.REMEDIATE:
      return "remediate";
    case analyzerpb.EnforcementLevel.DISABLED:
      return "disabled";
    default:
      return "mandatory";
  }
}

/** Maps the wire enforcement level name to the enum (for `Configure`). */
export function levelEnum(level: ViolationLevel): analyzerpb.EnforcementLevel {
  switch (level) {
    case "advisory":
      return analyzerpb.EnforcementLevel.ADVISORY;
    case "mandatory":
      return analyzerpb.EnforcementLevel.MANDATORY;
    case "remediate":
      return analyzerpb.EnforcementLevel.REMEDIATE;
    case "disabled":
      return analyzerpb.EnforcementLevel.DISABLED;
    default: {
      const never: never = level;
      throw new Error(`unknown enforcement level ${String(never)}`);
    }
  }
}

function severityName(s: analyzerpb.PolicySeverity): ViolationSeverity {
  switch (s) {
    case analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW:
      return "low";
    case analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM:
      return "medium";
    case analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH:
      return "high";
    case analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL:
      return "critical";
    default:
      return undefined;
  }
}

/** The violations of an `AnalyzeResponse`. */
export function fromAnalyzeResponse(resp: analyzerpb.AnalyzeResponse): Violation[] {
  return resp.getDiagnosticsList().map((d) => ({
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    policyPackVersion: d.getPolicypackversion(),
    description: d.getDescription(),
    message: d.getMessage(),
    enforcementLevel: levelName(d.getEnforcementlevel()),
    severity: severityName(d.getSeverity()),
    urn: d.getUrn(),
  }));
}
