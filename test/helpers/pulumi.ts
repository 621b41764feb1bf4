/**
 * Test helpers for components: the same mock engine `paved check` uses, plus
 * small conveniences. Import this module before the component under test.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  installMockEngine,
  MockEngine,
  MockEngineOptions,
  RecordedResource,
  settle,
} from "../../cli/engine/mocks";

export type { RecordedResource };
export { settle };

/** Installs the mocks with stack config (`{"paved:appId": "..."}`); returns the live record list. */
export function useMocks(
  opts: MockEngineOptions & { config?: Record<string, string>; stack?: string; transforms?: boolean } = {},
) {
  const engine = new MockEngine(opts);
  if (opts.config) pulumi.runtime.setAllConfig(opts.config);
  return installMockEngine(engine, {
    project: "paved-test",
    stack: opts.stack ?? "dev",
    transforms: opts.transforms,
  });
}

/** Replaces the stack config (keys like `paved:environment`). */
export function setConfig(config: Record<string, string>): void {
  pulumi.runtime.setAllConfig(config);
}

/** The resolved value of an Output (undefined when unknown). */
export function valueOf<T>(o: pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(o).apply((v) => resolve(v as T)));
}

/** Records whose name starts with `prefix` (a component's children are named after it). */
export function named(records: readonly RecordedResource[], prefix: string): RecordedResource[] {
  return records.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
}

/** Records of one type token. */
export function ofType(records: readonly RecordedResource[], type: string): RecordedResource[] {
  return records.filter((r) => r.type === type);
}

/** The governance config every test stack starts from (dev). */
export const DEV_GOVERNANCE: Record<string, string> = {
  "paved:appId": "payments-api",
  "paved:owner": "team-payments",
  "paved:costCenter": "cc-1234",
  "paved:dataClassification": "confidential",
  "paved:environment": "dev",
};

/** Collects a component's descendants: every record whose parent chain reaches `urn`. */
export function descendants(records: readonly RecordedResource[], urn: string): RecordedResource[] {
  const inside = new Set<string>([urn]);
  const out: RecordedResource[] = [];
  for (const r of records) {
    if (inside.has(r.parent)) {
      inside.add(r.urn);
      out.push(r);
    }
  }
  return out;
}
