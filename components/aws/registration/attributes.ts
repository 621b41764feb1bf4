/**
 * The AppRegistry attribute group body and the checks on AppRegistration's
 * own arguments. Pure: no Pulumi.
 */
import type { ValidationProblem } from "../../core/errors";
import type { Governance } from "../../core/governance";
import { PAVED_VERSION } from "../../core/version";

/** The attributes stored in the application's attribute group, for the CMDB and change review. */
export interface GovernanceAttributes {
  appId: string;
  owner: string;
  costCenter: string;
  dataClassification: string;
  environment: string;
  tier1Contacts: string[];
  /** The approved change; null outside prod when none is given. */
  changeTicket: string | null;
  pavedVersion: string;
}

/** The attribute group body, keys in a fixed order so the JSON is stable. */
export function governanceAttributes(
  gov: Governance,
  tier1Contacts: readonly string[],
): GovernanceAttributes {
  return {
    appId: gov.appId,
    owner: gov.owner,
    costCenter: gov.costCenter,
    dataClassification: gov.dataClassification,
    environment: gov.environment,
    tier1Contacts: [...tier1Contacts],
    changeTicket: gov.changeTicket ?? null,
    pavedVersion: PAVED_VERSION,
  };
}

/** AppRegistry application and attribute group names: `[-.\w]+`, at most 256 characters. */
const APPREGISTRY_NAME = /^[-.\w]{1,256}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const HANDLE = /^[@#][\w.-]{1,80}$/;

/** The default application name: `<appId>-<environment>`, one application per app and stage. */
export function defaultApplicationName(gov: Pick<Governance, "appId" | "environment">): string {
  return `${gov.appId}-${gov.environment}`;
}

/** Checks the application name and the tier-1 contacts. */
export function validateRegistration(args: {
  applicationName?: unknown;
  derivedName: string;
  tier1Contacts?: unknown;
  description?: unknown;
}): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const name = args.applicationName ?? args.derivedName;
  if (typeof name !== "string" || !APPREGISTRY_NAME.test(name) || `${name}-governance`.length > 256) {
    problems.push({
      arg: args.applicationName === undefined ? "governance.appId" : "applicationName",
      problem: `"${String(name)}" is not a valid AppRegistry name`,
      fix: "use at most 245 letters, digits, '-', '_' or '.'",
      code: "PAVED_APPREG_NAME_INVALID",
    });
  }
  const contacts = args.tier1Contacts;
  if (!Array.isArray(contacts) || contacts.length === 0) {
    problems.push({
      arg: "tier1Contacts",
      problem: "is empty",
      fix: "list who is paged for a tier-1 incident: e-mail addresses or @handles",
      code: "PAVED_APPREG_CONTACTS_MISSING",
    });
  } else {
    contacts.forEach((c: unknown, i) => {
      if (typeof c !== "string" || !(EMAIL.test(c) || HANDLE.test(c))) {
        problems.push({
          arg: `tier1Contacts[${i}]`,
          problem: `"${String(c)}" is not an e-mail address or @handle`,
          fix: "use for example oncall-payments@example.com or @payments-oncall",
          code: "PAVED_APPREG_CONTACT_INVALID",
        });
      }
    });
  }
  if (
    args.description !== undefined &&
    (typeof args.description !== "string" || args.description.length > 1024)
  ) {
    problems.push({
      arg: "description",
      problem: "is longer than 1024 characters",
      fix: "shorten it",
      code: "PAVED_APPREG_DESCRIPTION_INVALID",
    });
  }
  return problems;
}
