/**
 * AppRegistration: registers the application in AWS Service Catalog
 * AppRegistry (an application plus an attribute group with the governance
 * record) and, by default, registers the governance stack transform so every
 * resource created afterwards carries the governance tags and the
 * application's `awsApplication` tag, which associates it with the
 * application. Construct it at the top of the program.
 */
import * as aws from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../../core/errors";
import { componentTags, Governance } from "../../core/governance";
import { childName } from "../../core/naming";
import { defaultApplicationName, governanceAttributes, validateRegistration } from "./attributes";
import { governanceTransform, resolveLabelGovernance } from "./transform";

const COMPONENT = "AppRegistration";

/** The tag key AppRegistry uses to associate resources with an application. */
export const AWS_APPLICATION_TAG = "awsApplication";

export interface AppRegistrationArgs {
  /** Who is paged for a tier-1 incident: e-mail addresses or @handles. At least one. */
  tier1Contacts: string[];
  /** The AppRegistry application name. @default "<appId>-<environment>" */
  applicationName?: string;
  /** The application's description. @default "<appId> (<environment>), owned by <owner>" */
  description?: string;
  /**
   * How the program's resources are associated and tagged:
   * `"stackTransform"` registers the governance transform with the
   * application tag for every resource created after this component;
   * `"none"` only creates the registry entries.
   * @default "stackTransform"
   */
  association?: "stackTransform" | "none";
  /** Governance metadata; fields given here override the `paved:*` stack config. @default from stack config */
  governance?: Partial<Governance>;
  /** Extra tags on the registry resources; they win over governance tags with the same key. @default {} */
  tags?: Record<string, string>;
}

export class AppRegistration extends pulumi.ComponentResource {
  /** The AppRegistry application. */
  readonly application: aws.servicecatalog.AppregistryApplication;
  /** The attribute group holding the governance record. */
  readonly attributeGroup: aws.servicecatalog.AppregistryAttributeGroup;
  /** The association of the attribute group with the application. */
  readonly attributeGroupAssociation: aws.servicecatalog.AppregistryAttributeGroupAssociation;
  /** The application's ARN. */
  readonly applicationArn: pulumi.Output<string>;
  /** The application's id. */
  readonly applicationId: pulumi.Output<string>;
  /** The tag that associates a resource with the application: `{ awsApplication: <resource group ARN> }`. */
  readonly applicationTag: pulumi.Output<Record<string, string>>;
  /** The attribute group body as JSON. */
  readonly attributesJson: string;
  /** The governance the registration and the transform use. */
  readonly governance: Governance;

  constructor(name: string, args: AppRegistrationArgs, opts?: pulumi.ComponentResourceOptions) {
    super(`paved:aws:${COMPONENT}`, name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as AppRegistrationArgs);
    const problems = new Problems(COMPONENT, name);
    const gov = resolveLabelGovernance(problems, args.governance);
    const derivedName = gov ? defaultApplicationName(gov) : name;
    problems.addAll(
      validateRegistration({
        applicationName: args.applicationName,
        derivedName,
        tier1Contacts: args.tier1Contacts,
        description: args.description,
      }),
    );
    const association = args.association ?? "stackTransform";
    problems.check(
      association === "stackTransform" || association === "none",
      "association",
      `"${String(association)}" is not an association mode`,
      'use "stackTransform" or "none"',
      "PAVED_APPREG_ASSOCIATION_INVALID",
    );
    problems.throwIfAny(this);
    this.governance = gov as Governance;

    const appName = args.applicationName ?? derivedName;
    const tags = componentTags(this.governance, COMPONENT, args.tags);
    this.application = new aws.servicecatalog.AppregistryApplication(
      childName(name, "app"),
      {
        name: appName,
        description:
          args.description ??
          `${this.governance.appId} (${this.governance.environment}), owned by ${this.governance.owner}`,
        tags,
      },
      { parent: this },
    );
    this.attributesJson = JSON.stringify(governanceAttributes(this.governance, args.tier1Contacts));
    this.attributeGroup = new aws.servicecatalog.AppregistryAttributeGroup(
      childName(name, "governance"),
      {
        name: `${appName}-governance`,
        description: `Governance record of ${appName}`,
        attributes: this.attributesJson,
        tags,
      },
      { parent: this },
    );
    this.attributeGroupAssociation = new aws.servicecatalog.AppregistryAttributeGroupAssociation(
      childName(name, "governance-assoc"),
      { applicationId: this.application.id, attributeGroupId: this.attributeGroup.id },
      { parent: this },
    );
    this.applicationArn = this.application.arn;
    this.applicationId = this.application.id;
    // AppRegistry computes the association tag (`awsApplication` = the ARN of the
    // application's resource group). Until it is known, no tag is added.
    this.applicationTag = this.application.applicationTag.apply((t) => ({ ...(t ?? {}) }));

    switch (association) {
      case "stackTransform":
        // One key, its value an Output: the other tags stay known in a preview.
        pulumi.runtime.registerResourceTransform(
          governanceTransform(this.governance, {
            [AWS_APPLICATION_TAG]: this.applicationTag.apply((t) => t[AWS_APPLICATION_TAG]),
          }),
        );
        break;
      case "none":
        break;
      default: {
        const never: never = association;
        throw new Error(`unhandled association ${String(never)}`);
      }
    }

    this.registerOutputs({
      application: this.application,
      attributeGroup: this.attributeGroup,
      attributeGroupAssociation: this.attributeGroupAssociation,
      applicationArn: this.applicationArn,
      applicationId: this.applicationId,
      applicationTag: this.applicationTag,
      attributesJson: this.attributesJson,
    });
  }
}
