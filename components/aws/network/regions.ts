/**
 * How many Availability Zones each region offers, so the AZ count can be
 * validated before any resource exists. Pure: no Pulumi here.
 *
 * Why a table: `aws.getAvailabilityZones` is an asynchronous invoke, and a
 * component must throw its `PavedValidationError` synchronously, before it
 * registers a child. So the constructor checks `azCount` against this table;
 * the AZ *names* still come from the data source at deploy time. A region not
 * in the table cannot be checked, so there the component requires
 * `availabilityZones` to be listed explicitly (the escape hatch, also the
 * right choice when a non-default provider targets another region).
 *
 * Source: the AWS "Regions and Zones" page (docs.aws.amazon.com/global-infrastructure),
 * counting the zones open to new accounts (us-west-1 and ap-northeast-1 hold a
 * zone that new accounts do not get). The mock engine (cli/engine/mocks.ts)
 * agrees with these counts for the regions it lists.
 */
export const REGION_AZ_COUNTS: Readonly<Record<string, number>> = {
  "us-east-1": 6,
  "us-east-2": 3,
  "us-west-1": 2,
  "us-west-2": 4,
  "ca-central-1": 3,
  "ca-west-1": 3,
  "sa-east-1": 3,
  "mx-central-1": 3,
  "eu-west-1": 3,
  "eu-west-2": 3,
  "eu-west-3": 3,
  "eu-central-1": 3,
  "eu-central-2": 3,
  "eu-north-1": 3,
  "eu-south-1": 3,
  "eu-south-2": 3,
  "ap-southeast-1": 3,
  "ap-southeast-2": 3,
  "ap-southeast-3": 3,
  "ap-southeast-4": 3,
  "ap-northeast-1": 3,
  "ap-northeast-2": 4,
  "ap-northeast-3": 3,
  "ap-south-1": 3,
  "ap-south-2": 3,
  "ap-east-1": 3,
  "me-south-1": 3,
  "me-central-1": 3,
  "il-central-1": 3,
  "af-south-1": 3,
};

/** The number of AZs the region offers, or undefined when the region is not in the table. */
export function regionAzCount(region: string | undefined): number | undefined {
  return region === undefined ? undefined : REGION_AZ_COUNTS[region];
}
