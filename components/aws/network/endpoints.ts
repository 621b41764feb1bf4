/**
 * SegmentedNetwork's VPC endpoints: the S3 and DynamoDB gateway endpoints on
 * the non-public route tables, with their endpoint policy (options.ts), and
 * the interface endpoints with private DNS in the endpoint tier, each behind
 * its own security group.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { childName } from "../../core/naming";
import { GatewayEndpointPolicy, gatewayEndpointPolicyDocument } from "./options";
import { ownerSlug } from "./rules";
import type { GatewayService } from "./types";

/** What the endpoint helpers share with the component. */
export interface EndpointContext {
  readonly name: string;
  readonly parent: pulumi.Resource;
  readonly vpc: aws.ec2.Vpc;
  readonly tags: (display: string) => Record<string, string>;
  readonly regionName: pulumi.Output<string>;
}

/** Creates the gateway endpoints; returns them by service, with their prefix lists. */
export function createGatewayEndpoints(
  ctx: EndpointContext,
  services: readonly GatewayService[],
  routeTables: readonly aws.ec2.RouteTable[],
  mode: GatewayEndpointPolicy,
): {
  endpoints: Record<string, aws.ec2.VpcEndpoint>;
  prefixLists: Map<GatewayService, pulumi.Output<string>>;
} {
  const { name, parent, vpc, tags, regionName } = ctx;
  const endpoints: Record<string, aws.ec2.VpcEndpoint> = {};
  const prefixLists = new Map<GatewayService, pulumi.Output<string>>();
  const where =
    mode === "open" || services.length === 0
      ? undefined
      : pulumi
          .all([
            aws.getCallerIdentityOutput({}, { parent }).accountId,
            aws.getPartitionOutput({}, { parent }).partition,
            regionName,
          ])
          .apply(([accountId, partition, region]) => ({ accountId, partition, region }));
  for (const svc of services) {
    const ep = new aws.ec2.VpcEndpoint(
      childName(name, svc, "gateway"),
      {
        vpcId: vpc.id,
        serviceName: pulumi.interpolate`com.amazonaws.${regionName}.${svc}`,
        vpcEndpointType: "Gateway",
        routeTableIds: routeTables.map((t) => t.id),
        ...(where
          ? { policy: where.apply((w) => JSON.stringify(gatewayEndpointPolicyDocument(svc, mode, w))) }
          : {}),
        tags: tags(`${svc}-gateway`),
      },
      { parent },
    );
    endpoints[svc] = ep;
    prefixLists.set(svc, ep.prefixListId);
  }
  return { endpoints, prefixLists };
}

/** Creates the interface endpoints in the endpoint tier's subnets; returns them by service. */
export function createInterfaceEndpoints(
  ctx: EndpointContext,
  services: readonly string[],
  subnets: readonly aws.ec2.Subnet[],
  groups: ReadonlyMap<string, aws.ec2.SecurityGroup>,
): Record<string, aws.ec2.VpcEndpoint> {
  const { name, parent, vpc, tags, regionName } = ctx;
  const endpoints: Record<string, aws.ec2.VpcEndpoint> = {};
  for (const svc of services) {
    const slug = ownerSlug(`endpoint:${svc}`);
    endpoints[svc] = new aws.ec2.VpcEndpoint(
      childName(name, slug),
      {
        vpcId: vpc.id,
        serviceName: pulumi.interpolate`com.amazonaws.${regionName}.${svc}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: subnets.map((s) => s.id),
        securityGroupIds: [(groups.get(`endpoint:${svc}`) as aws.ec2.SecurityGroup).id],
        tags: tags(slug),
      },
      { parent },
    );
  }
  return endpoints;
}
