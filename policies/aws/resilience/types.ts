/** The RDS type tokens the resilience policies read (the same tokens as the top-level RDS policies). */
export const RDS_DB_INSTANCE = "aws:rds/instance:Instance";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
export const RDS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
