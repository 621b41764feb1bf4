/**
 * Public endpoints of managed services: EKS, DMS, Redshift, OpenSearch, MQ. The pack lists these in docs order.
 * RDS, Aurora and Neptune instances are `aws-rds-not-public` (a cluster has no public setting of its own);
 * ElastiCache runs only inside a VPC and has no public option, so nothing applies to it.
 */
import type { PolicyDefinition } from "../../lib/define";
import { dmsReplicationInstanceNotPublic } from "./dms-replication-instance-not-public";
import { eksEndpointNotPublic } from "./eks-endpoint-not-public";
import { mqBrokerNotPublic } from "./mq-broker-not-public";
import { opensearchInVpc } from "./opensearch-in-vpc";
import { redshiftNotPublic } from "./redshift-not-public";

export const endpointPolicies: readonly PolicyDefinition[] = [
  eksEndpointNotPublic,
  dmsReplicationInstanceNotPublic,
  redshiftNotPublic,
  opensearchInVpc,
  mqBrokerNotPublic,
];
