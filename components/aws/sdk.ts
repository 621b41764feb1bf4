/**
 * The parts of `@pulumi/aws` the components use, each loaded from its own module.
 *
 * `import * as aws from "@pulumi/aws"` loads the provider's whole index: 301 modules
 * (about 130 ms of CPU in plain Node), where the namespaces below are 43 modules (about
 * 18 ms). Every program that imports `paved` paid for the whole index, a Kubernetes-only
 * one included: `paved check examples/team-namespace` took 0.76 s and now 0.64 s
 * (bench/RESULTS.md, "Test-suite budget, fourth round"). The components import this module
 * as `aws` instead, so the code reads as before (`aws.ec2.Vpc`) and the types are the
 * provider's own classes. A program that imports `@pulumi/aws` itself still gets all of it.
 *
 * A namespace a component starts to use must be added here (tsc fails until it is).
 */
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as dlm from "@pulumi/aws/dlm";
export * as ebs from "@pulumi/aws/ebs";
export * as ec2 from "@pulumi/aws/ec2";
export * as iam from "@pulumi/aws/iam";
export * as kms from "@pulumi/aws/kms";
export * as rds from "@pulumi/aws/rds";
export * as servicecatalog from "@pulumi/aws/servicecatalog";
export * as sns from "@pulumi/aws/sns";
export * as vpc from "@pulumi/aws/vpc";
export { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
export { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
export { getPartitionOutput } from "@pulumi/aws/getPartition";
export { getRegionOutput } from "@pulumi/aws/getRegion";
