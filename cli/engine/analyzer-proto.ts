/**
 * The analyzer wire format, both ways: resource records to the requests the
 * engine sends a policy pack (`AnalyzeRequest`, `AnalyzeStackRequest`), and
 * responses back to plain violations. Shared by the gRPC client
 * (`analyzer.ts`, used by `paved check`) and the in-process policy test
 * harness, so both speak exactly what the engine speaks.
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { LazyStructBase } from "../../policies/lib/lazy-struct";

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
  if (value === null || typeof value !== "object") return value;
  // Index and for-in loops, not entries/filter/map: this may copy every input of every resource.
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) if (value[i] !== undefined) out.push(stripUndefined(value[i]));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined && Object.hasOwn(value, k)) out[k] = stripUndefined(v);
  }
  return out;
}

/** True when an `undefined` sits anywhere in objects and arrays (what {@link stripUndefined} removes). */
export function holdsUndefined(value: unknown): boolean {
  if (value === null || typeof value !== "object") return value === undefined;
  // Index and for-in loops: no iterator or key array per object (this walks every input).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsUndefined(value[i])) return true;
    return false;
  }
  for (const k in value) {
    if (Object.hasOwn(value, k) && holdsUndefined((value as Record<string, unknown>)[k])) return true;
  }
  return false;
}

/** Inputs as a protobuf Struct. */
export function toStruct(inputs: Record<string, unknown>): Struct {
  return Struct.fromJavaScript(stripUndefined(inputs) as Parameters<typeof Struct.fromJavaScript>[0]);
}

/**
 * A Struct for a receiver in this process (the in-process transport): its
 * fields are built only when something reads them as protobuf (a
 * serialization, `getFieldsMap`), while `toJavaScript()`, which is all the
 * policy SDK calls, answers the inputs directly: the value a built Struct
 * converts back to, which is the inputs themselves unless an `undefined`
 * must be left out (then a copy without them, made once). Readers only read
 * it: the SDK deserializes it into a copy for every policy, and paved's own
 * handler hands it to checks, which never write to their inputs. Building jspb messages for every
 * input only to read them back was most of the in-process cost per resource,
 * and their garbage most of the GC time. A class, so the thousands a large
 * stack keeps alive between Analyze and AnalyzeStack carry no closures.
 */
export class LazyStruct extends LazyStructBase {
  private js: ReturnType<Struct["toJavaScript"]> | undefined;

  constructor(private readonly inputs: Record<string, unknown>) {
    super();
  }

  protected build(): Struct {
    return toStruct(this.inputs);
  }

  override toJavaScript(): ReturnType<Struct["toJavaScript"]> {
    return (this.js ??= (
      holdsUndefined(this.inputs) ? stripUndefined(this.inputs) : this.inputs
    ) as ReturnType<Struct["toJavaScript"]>);
  }
}

/**
 * The parts of a resource's request that stay the same between its Analyze
 * and AnalyzeStack: its properties, options and provider messages.
 */
export interface RequestParts {
  readonly properties: Struct;
  readonly options: analyzerpb.AnalyzerResourceOptions;
  readonly provider?: analyzerpb.AnalyzerProviderResource;
}

/**
 * An AnalyzeRequest for a receiver in this process: its getters, which are
 * all the policy SDK (and paved's handler) call, read the record and the
 * shared parts; protobuf fields are built only when something reads them as
 * protobuf (a serialization, `toObject`). One object per request instead of a
 * message and its five setters. Read only: nothing sets a request it received.
 */
export class LazyAnalyzeRequest extends analyzerpb.AnalyzeRequest {
  private built: analyzerpb.AnalyzeRequest | undefined;

  constructor(
    private readonly record: AnalyzerResourceRecord,
    private readonly parts: RequestParts,
  ) {
    super();
  }

  private full(): analyzerpb.AnalyzeRequest {
    return (this.built ??= buildAnalyzeRequest(this.record, this.parts));
  }

  override getType(): string {
    return this.record.type;
  }
  override getUrn(): string {
    return this.record.urn;
  }
  override getName(): string {
    return this.record.name;
  }
  override getProperties(): Struct {
    return this.parts.properties;
  }
  override hasProperties(): boolean {
    return true;
  }
  override getOptions(): analyzerpb.AnalyzerResourceOptions {
    return this.parts.options;
  }
  override hasOptions(): boolean {
    return true;
  }
  override getProvider(): analyzerpb.AnalyzerProviderResource | undefined {
    return this.parts.provider;
  }
  override hasProvider(): boolean {
    return this.parts.provider !== undefined;
  }
  override serializeBinary(): Uint8Array {
    return this.full().serializeBinary();
  }
  override toObject(includeInstance?: boolean): analyzerpb.AnalyzeRequest.AsObject {
    return this.full().toObject(includeInstance);
  }
  override toArray() {
    return this.full().toArray();
  }
  override cloneMessage(): this {
    return this.full().cloneMessage() as this;
  }
}

/** As {@link LazyAnalyzeRequest}, for one resource of an AnalyzeStackRequest. */
export class LazyAnalyzerResource extends analyzerpb.AnalyzerResource {
  private built: analyzerpb.AnalyzerResource | undefined;

  constructor(
    private readonly record: AnalyzerResourceRecord,
    private readonly parts: RequestParts,
  ) {
    super();
  }

  private full(): analyzerpb.AnalyzerResource {
    return (this.built ??= buildAnalyzerResource(this.record, this.parts));
  }

  override getType(): string {
    return this.record.type;
  }
  override getUrn(): string {
    return this.record.urn;
  }
  override getName(): string {
    return this.record.name;
  }
  override getProperties(): Struct {
    return this.parts.properties;
  }
  override hasProperties(): boolean {
    return true;
  }
  override getOptions(): analyzerpb.AnalyzerResourceOptions {
    return this.parts.options;
  }
  override hasOptions(): boolean {
    return true;
  }
  override getProvider(): analyzerpb.AnalyzerProviderResource | undefined {
    return this.parts.provider;
  }
  override hasProvider(): boolean {
    return this.parts.provider !== undefined;
  }
  override getParent(): string {
    return this.record.parent ?? "";
  }
  override getDependenciesList(): string[] {
    return [...(this.record.dependencies ?? [])];
  }
  override serializeBinary(): Uint8Array {
    return this.full().serializeBinary();
  }
  override toObject(includeInstance?: boolean): analyzerpb.AnalyzerResource.AsObject {
    return this.full().toObject(includeInstance);
  }
  override toArray() {
    return this.full().toArray();
  }
  override cloneMessage(): this {
    return this.full().cloneMessage() as this;
  }
}

/** A {@link LazyStruct} for `inputs`. */
export function lazyStruct(inputs: Record<string, unknown>): Struct {
  return new LazyStruct(inputs);
}

/**
 * A resource's request parts as the engine sends them: its inputs as a Struct
 * (`asStruct`: a built one by default), its options (always set: without them
 * the SDK answers "a more recent version of the Pulumi CLI is required") and
 * its provider (`providerFor`: built from the record by default; a client
 * passes its cache, since many resources share one provider).
 */
export function requestParts(
  r: AnalyzerResourceRecord,
  asStruct: (inputs: Record<string, unknown>) => Struct = toStruct,
  providerFor: (r: AnalyzerResourceRecord) => analyzerpb.AnalyzerProviderResource | undefined = (x) =>
    x.providerResource ? providerOf(x.providerResource, asStruct) : undefined,
): RequestParts {
  const options = new analyzerpb.AnalyzerResourceOptions();
  if (r.parent) options.setParent(r.parent);
  return { properties: asStruct(r.inputs), options, provider: providerFor(r) };
}

/** The AnalyzeRequest message for a resource and its parts. */
export function buildAnalyzeRequest(
  r: AnalyzerResourceRecord,
  parts: RequestParts,
): analyzerpb.AnalyzeRequest {
  const req = new analyzerpb.AnalyzeRequest();
  req.setType(r.type).setUrn(r.urn).setName(r.name);
  req.setProperties(parts.properties).setOptions(parts.options);
  if (parts.provider) req.setProvider(parts.provider);
  return req;
}

/** The AnalyzerResource message (one resource of an AnalyzeStackRequest) for a resource and its parts. */
export function buildAnalyzerResource(
  r: AnalyzerResourceRecord,
  parts: RequestParts,
): analyzerpb.AnalyzerResource {
  const res = new analyzerpb.AnalyzerResource();
  res.setType(r.type).setUrn(r.urn).setName(r.name);
  res.setProperties(parts.properties).setOptions(parts.options);
  if (r.parent) res.setParent(r.parent);
  res.setDependenciesList([...(r.dependencies ?? [])]);
  if (parts.provider) res.setProvider(parts.provider);
  return res;
}

/** The request the engine sends for one resource. */
export function toAnalyzeRequest(r: AnalyzerResourceRecord): analyzerpb.AnalyzeRequest {
  return buildAnalyzeRequest(r, requestParts(r));
}

/** A resource's provider as the engine sends it (`AnalyzeRequest.provider`: type, URN, name, inputs). */
export function providerOf(
  p: NonNullable<AnalyzerResourceRecord["providerResource"]>,
  asStruct: (inputs: Record<string, unknown>) => Struct = toStruct,
): analyzerpb.AnalyzerProviderResource {
  const out = new analyzerpb.AnalyzerProviderResource();
  out.setType(p.type);
  out.setUrn(p.urn);
  out.setName(p.name);
  out.setProperties(asStruct(p.inputs));
  return out;
}

/** One resource of an `AnalyzeStackRequest`. */
export function toAnalyzerResource(r: AnalyzerResourceRecord): analyzerpb.AnalyzerResource {
  return buildAnalyzerResource(r, requestParts(r));
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
