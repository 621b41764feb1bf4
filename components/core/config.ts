/**
 * Reading governance from stack config. Separate from governance.ts because it
 * needs the Pulumi runtime; everything else in the core is pure.
 *
 * Stack config keys (namespace `paved`):
 * `paved:appId`, `paved:owner`, `paved:costCenter`, `paved:dataClassification`,
 * `paved:environment`, `paved:changeTicket`, `paved:changeTicketPattern`,
 * `paved:permissionsBoundaryArn`.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "./errors";
import { DEFAULT_CHANGE_TICKET_PATTERN, Governance, validateGovernance } from "./governance";

/** Governance as stack config gives it; fields absent from config are absent here. */
export function governanceFromConfig(
  config: pulumi.Config = new pulumi.Config("paved"),
): Partial<Governance> {
  const g: Record<string, string> = {};
  for (const key of ["appId", "owner", "costCenter", "dataClassification", "environment", "changeTicket"]) {
    const v = config.get(key);
    if (v !== undefined) g[key] = v;
  }
  return g as Partial<Governance>;
}

/** The change-ticket format from `paved:changeTicketPattern`, or the default. */
export function changeTicketPatternFromConfig(config: pulumi.Config = new pulumi.Config("paved")): string {
  return config.get("changeTicketPattern") ?? DEFAULT_CHANGE_TICKET_PATTERN;
}

/**
 * The governance a component uses: the fields passed in `given` override the
 * stack config field by field. Problems go into the component's collector,
 * so they are reported together with the component's other argument errors.
 */
export function resolveGovernance(
  problems: Problems,
  given: Partial<Governance> | undefined,
  opts: { asLabels?: boolean } = {},
): Governance {
  const merged: Partial<Governance> = { ...governanceFromConfig(), ...stripUndefined(given ?? {}) };
  problems.addAll(
    validateGovernance(merged, "governance", {
      changeTicketPattern: changeTicketPatternFromConfig(),
      asLabels: opts.asLabels,
    }),
  );
  return merged as Governance;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
