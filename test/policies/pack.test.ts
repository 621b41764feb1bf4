/**
 * The pack's inventory (cdk-nag habit): every policy's name and default level
 * pinned, so adding, removing or loosening a policy is a visible change here.
 */
import * as fs from "fs";
import * as path from "path";
import { packArgs, policies } from "../../policies/pack";
import { packConfig } from "../../policies/lib/docs";
import { reconcilePackConfig } from "../../cli/engine/analyzer-config";

const root = path.join(__dirname, "../..");

test("the inventory: every policy and its default level", () => {
  expect(policies.map((p) => [p.name, p.defaultLevel])).toEqual([
    ["aws-sg-no-public-admin-ingress", "mandatory"],
    ["aws-sg-no-public-database-ingress", "mandatory"],
    ["aws-sg-description-required", "advisory"],
    ["aws-vpc-flow-logs-enabled", "mandatory"],
    ["aws-sg-internet-ingress-web-only", "mandatory"],
    ["aws-default-sg-no-rules", "mandatory"],
    ["aws-nacl-no-public-admin-ingress", "mandatory"],
    ["aws-ec2-imdsv2-required", "mandatory"],
    ["aws-lb-listener-https-redirect", "mandatory"],
    ["aws-lb-listener-tls12", "mandatory"],
    ["aws-elb-classic-listener-encrypted", "mandatory"],
    ["aws-elb-classic-tls12", "mandatory"],
    ["aws-cloudfront-viewer-https", "mandatory"],
    ["aws-cloudfront-viewer-tls12", "mandatory"],
    ["aws-cloudfront-origin-https", "mandatory"],
    ["aws-apigateway-access-logs", "advisory"],
    ["aws-ebs-volume-encrypted", "mandatory"],
    ["aws-instance-block-devices-encrypted", "mandatory"],
    ["aws-ebs-snapshot-not-public", "mandatory"],
    ["aws-s3-public-access-blocked", "mandatory"],
    ["aws-rds-not-public", "mandatory"],
    ["aws-rds-storage-encrypted", "mandatory"],
    ["aws-s3-no-public-acl", "mandatory"],
    ["aws-s3-no-public-policy", "mandatory"],
    ["aws-s3-bucket-public-access-block", "mandatory"],
    ["aws-s3-tls-only", "advisory"],
    ["aws-efs-encrypted", "mandatory"],
    ["aws-docdb-cluster-encrypted", "mandatory"],
    ["aws-neptune-cluster-encrypted", "mandatory"],
    ["aws-redshift-cluster-encrypted", "mandatory"],
    ["aws-dynamodb-table-cmk", "mandatory"],
    ["aws-dax-cluster-encrypted", "mandatory"],
    ["aws-elasticache-encrypted-at-rest", "mandatory"],
    ["aws-elasticache-encrypted-in-transit", "mandatory"],
    ["aws-opensearch-encrypted-at-rest", "mandatory"],
    ["aws-opensearch-node-to-node-encryption", "mandatory"],
    ["aws-opensearch-https-only", "mandatory"],
    ["aws-kinesis-stream-encrypted", "mandatory"],
    ["aws-sqs-queue-encrypted", "mandatory"],
    ["aws-sns-topic-kms", "advisory"],
    ["aws-log-group-cmk", "mandatory"],
    ["aws-secret-cmk", "mandatory"],
    ["aws-backup-vault-cmk", "mandatory"],
    ["aws-eks-endpoint-not-public", "mandatory"],
    ["aws-dms-replication-instance-not-public", "mandatory"],
    ["aws-redshift-not-public", "mandatory"],
    ["aws-opensearch-in-vpc", "mandatory"],
    ["aws-mq-broker-not-public", "mandatory"],
    ["aws-rds-backup-retention", "advisory"],
    ["aws-rds-deletion-protection", "advisory"],
    ["aws-rds-instance-multi-az", "advisory"],
    ["aws-rds-cluster-multi-az", "advisory"],
    ["aws-dynamodb-point-in-time-recovery", "advisory"],
    ["aws-iam-no-wildcard-action", "mandatory"],
    ["aws-iam-no-allow-not-action", "mandatory"],
    ["aws-iam-no-resource-wildcard", "mandatory"],
    ["aws-iam-no-admin-managed-policy", "mandatory"],
    ["aws-iam-no-public-trust", "mandatory"],
    ["aws-iam-oidc-trust-requires-sub", "mandatory"],
    ["aws-iam-no-inline-user-policy", "mandatory"],
    ["aws-kms-key-policy-not-public", "mandatory"],
    ["aws-sqs-queue-policy-not-public", "mandatory"],
    ["aws-sns-topic-policy-not-public", "mandatory"],
    ["aws-lambda-permission-not-public", "mandatory"],
    ["aws-lambda-function-url-auth", "mandatory"],
    ["aws-ecr-repository-policy-not-public", "mandatory"],
    ["aws-opensearch-access-policy-not-public", "mandatory"],
    ["aws-secretsmanager-secret-policy-not-public", "mandatory"],
    ["aws-cloudtrail-multi-region", "mandatory"],
    ["aws-cloudtrail-log-file-validation", "mandatory"],
    ["aws-cloudtrail-encrypted", "mandatory"],
    ["aws-kms-key-rotation", "mandatory"],
    ["aws-ecr-tag-immutable", "mandatory"],
    ["aws-ecr-scan-on-push", "mandatory"],
    ["aws-iam-password-policy", "mandatory"],
    ["aws-iam-permissions-boundary", "mandatory"],
    ["aws-iam-no-user-credentials", "advisory"],
    ["aws-ecs-no-plaintext-env-secrets", "mandatory"],
    ["aws-ecs-image-pinned", "mandatory"],
    ["aws-ec2-no-public-ip", "mandatory"],
    ["aws-lb-access-logs", "advisory"],
    ["aws-apigateway-domain-tls12", "mandatory"],
    ["aws-msk-encryption-in-transit", "mandatory"],
    ["aws-firehose-encrypted", "mandatory"],
    ["aws-db-auto-minor-version-upgrade", "advisory"],
    ["aws-db-iam-authentication", "advisory"],
    ["aws-eks-control-plane-logs", "advisory"],
    ["aws-eks-secrets-encryption", "advisory"],
    ["aws-kms-no-lockout-bypass", "mandatory"],
    ["aws-iam-user-no-attached-policies", "mandatory"],
    ["aws-lambda-tracing", "advisory"],
    ["aws-sfn-logging", "advisory"],
    ["aws-sfn-tracing", "advisory"],
    ["aws-description-required", "advisory"],
    ["aws-apigateway-authorization", "advisory"],
    ["aws-athena-encrypted", "mandatory"],
    ["aws-cloudfront-access-logs", "advisory"],
    ["aws-cloudfront-waf", "advisory"],
    ["aws-cognito-identity-pool-no-unauthenticated", "mandatory"],
    ["aws-cognito-password-policy", "mandatory"],
    ["aws-cognito-threat-protection", "advisory"],
    ["aws-cognito-user-pool-mfa", "advisory"],
    ["aws-ec2-detailed-monitoring", "advisory"],
    ["aws-ec2-termination-protection", "advisory"],
    ["aws-launch-configuration-not-used", "advisory"],
    ["aws-efs-regional", "advisory"],
    ["aws-elb-classic-not-for-http", "advisory"],
    ["aws-elb-classic-resilience", "advisory"],
    ["aws-public-endpoint-waf", "advisory"],
    ["aws-rds-performance-insights", "advisory"],
    ["aws-sagemaker-notebook-isolated", "mandatory"],
    ["aws-sagemaker-notebook-no-root", "advisory"],
    ["aws-sensitive-data-cmk", "mandatory"],
    ["aws-ecs-container-logging", "advisory"],
    ["aws-ecs-no-privileged", "mandatory"],
    ["aws-ecs-container-insights", "advisory"],
    ["aws-secret-rotation", "advisory"],
    ["aws-messaging-tls-only", "advisory"],
    ["aws-sqs-dead-letter-queue", "advisory"],
    ["aws-eventbridge-bus-policy-not-public", "mandatory"],
    ["aws-s3-access-logs", "advisory"],
    ["aws-data-store-logs-exported", "advisory"],
    ["aws-db-cluster-backup-retention", "advisory"],
    ["aws-db-managed-master-password", "advisory"],
    ["aws-opensearch-high-availability", "advisory"],
    ["aws-elasticache-multi-az", "advisory"],
    ["aws-elasticache-auth", "mandatory"],
    ["aws-neptune-cluster-multi-az", "advisory"],
    ["aws-redshift-require-ssl", "mandatory"],
    ["aws-redshift-audit-logging", "advisory"],
    ["aws-redshift-no-default-admin", "advisory"],
    ["aws-redshift-snapshot-retention", "advisory"],
    ["aws-emr-security-configuration", "mandatory"],
    ["aws-emr-logging", "advisory"],
    ["aws-emr-authentication", "advisory"],
    ["aws-lambda-supported-runtime", "advisory"],
    ["aws-cloudfront-s3-origin-access-control", "advisory"],
    ["aws-apigateway-execution-logs", "advisory"],
    ["aws-asg-elb-health-check", "advisory"],
    ["aws-appsync-logging", "advisory"],
    ["aws-codebuild-cmk", "advisory"],
    ["aws-quicksight-data-source-ssl", "mandatory"],
    ["aws-glue-security-configuration", "advisory"],
    ["aws-flink-checkpointing", "advisory"],
    ["aws-beanstalk-environment-baseline", "advisory"],
    ["aws-iam-no-aws-managed-policy", "advisory"],
    ["aws-apigateway-request-validation", "advisory"],
    ["k8s-no-privileged", "mandatory"],
    ["k8s-no-privilege-escalation", "mandatory"],
    ["k8s-run-as-non-root", "mandatory"],
    ["k8s-capabilities-restricted", "mandatory"],
    ["k8s-seccomp-profile", "mandatory"],
    ["k8s-no-host-namespaces", "mandatory"],
    ["k8s-no-hostpath", "mandatory"],
    ["k8s-no-host-ports", "mandatory"],
    ["k8s-restricted-volume-types", "mandatory"],
    ["k8s-no-security-overrides", "mandatory"],
    ["k8s-image-pinned", "mandatory"],
    ["k8s-resource-limits", "advisory"],
    ["k8s-no-plaintext-env-secrets", "mandatory"],
    ["k8s-loadbalancer-exposure", "mandatory"],
    ["k8s-namespace-network-policy", "mandatory"],
    ["k8s-namespace-pod-security", "mandatory"],
    ["k8s-rbac-no-cluster-admin-binding", "mandatory"],
    ["k8s-rbac-no-wildcards", "mandatory"],
    ["k8s-rbac-no-escalation-verbs", "mandatory"],
    ["k8s-rbac-no-secret-read", "mandatory"],
    ["k8s-rbac-service-account-cluster-binding", "advisory"],
    ["k8s-helm-release-not-checked", "advisory"],
    ["k8s-api-schema", "advisory"],
    ["paved-required-tags", "mandatory"],
    ["paved-approved-components", "advisory"],
    ["paved-critical-resources-alarmed", "advisory"],
    ["paved-exemptions", "mandatory"],
  ]);
});

test("names are unique, and the SDK policies carry the same names and levels in the same order", () => {
  expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
  expect(packArgs.policies.map((p) => [p.name, p.enforcementLevel])).toEqual(
    policies.map((p) => [p.name, p.defaultLevel]),
  );
});

test("every policy has severity, remediation steps and a configSchema the SDK accepts", () => {
  for (const p of packArgs.policies) {
    expect(p.severity).toBeDefined();
    expect(p.remediationSteps).toMatch(/^1\. /);
    expect(p.configSchema?.properties).toHaveProperty("exemptions");
    expect(p.configSchema?.properties).not.toHaveProperty("enforcementLevel");
  }
});

test("policies/package.json carries the library's version (the pack reports it)", () => {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), "utf8")) as { version: string };
  expect(read("policies/package.json").version).toBe(read("package.json").version);
});

test("PulumiPolicy.yaml says runtime nodejs; index.ts only constructs the pack", () => {
  expect(fs.readFileSync(path.join(root, "policies/PulumiPolicy.yaml"), "utf8")).toMatch(
    /^runtime: nodejs$/m,
  );
  const code = fs
    .readFileSync(path.join(root, "policies/index.ts"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("//"));
  expect(code).toEqual([
    'import { PolicyPack } from "@pulumi/policy";',
    'import { packArgs } from "./pack";',
    'new PolicyPack("paved", packArgs);',
  ]);
});

describe("the sample pack configs", () => {
  const infos = packArgs.policies.map((p) => ({ name: p.name, configSchema: p.configSchema }));
  test.each(["dev", "staging", "prod"] as const)(
    "%s.json names only real policies and passes their schemas",
    (stage) => {
      const config = JSON.parse(fs.readFileSync(path.join(root, `policies/config/${stage}.json`), "utf8"));
      expect(() => reconcilePackConfig(infos, config)).not.toThrow();
    },
  );

  test("dev is advisory except the exemption ledger; prod makes the whole security set mandatory", () => {
    const dev = packConfig(policies, "dev");
    expect(Object.entries(dev).filter(([, l]) => l !== "advisory")).toEqual([
      ["paved-exemptions", "mandatory"],
    ]);
    const prod = packConfig(policies, "prod");
    const level = (e: unknown) =>
      typeof e === "string" ? e : (e as { enforcementLevel: string }).enforcementLevel;
    for (const p of policies.filter((x) => x.securitySet))
      expect([p.name, level(prod[p.name])]).toEqual([p.name, "mandatory"]);
    expect(prod["aws-sg-no-public-admin-ingress"]).toEqual({
      enforcementLevel: "mandatory",
      forbiddenSources: ["any", "public"],
    });
  });
});
