/**
 * team-namespace: the paved road for an app team on a shared Kubernetes cluster.
 *
 * - NamespaceBaseline: the team's namespace, Pod Security `restricted`,
 *   default-deny networking plus the flows declared below, a quota, RBAC.
 * - EncryptedStorageClass + VolumeClaim: disks encrypted with the team's KMS key.
 * - SloAlerts: Prometheus alerts on latency, errors, throughput and SLO burn rate.
 * - CanaryRollout: the service, released in 10 % steps behind metric gates on
 *   the canary's own pods (compared with the stable pods, and its health
 *   score) that roll back on their own; its Services and the PodMonitor that
 *   gives Prometheus the gates' metrics.
 *
 * Governance (app id, owner, cost center, data classification, environment)
 * comes from the stack config (`paved:*`) and lands as `paved.dev/*` labels.
 */
import * as pulumi from "@pulumi/pulumi";
import { CanaryRollout, EncryptedStorageClass, NamespaceBaseline, SloAlerts, VolumeClaim } from "paved";

// The app's own settings live under "app:" (app:flowTicket, ...), not the project's
// name, so they keep working when `pulumi new` gives the project another name.
const config = new pulumi.Config("app");
/** The KMS key the platform team gave this team for its volumes. */
const kmsKeyArn = config.require("kmsKeyArn");
/** The image to release: pinned by tag or digest, never `latest`. */
const image = config.require("image");
/** The ticket that approved the flows below. */
const ticket = config.require("flowTicket");

const service = "orders-api";

// 1. The namespace and everything that makes it safe to share a cluster.
const ns = new NamespaceBaseline("orders", {
  namespace: "orders",
  size: "small",
  workloads: {
    // Pod selectors: CanaryRollout labels its pods app.kubernetes.io/name=<rollout name>.
    api: { "app.kubernetes.io/name": service },
    worker: { "app.kubernetes.io/name": "orders-worker" },
  },
  flows: [
    {
      from: { namespace: "ingress-nginx", podSelector: { "app.kubernetes.io/name": "ingress-nginx" } },
      to: "api",
      ports: [8080],
      justification: "HTTPS traffic from the shared ingress controller",
      ticket,
    },
    {
      from: { podSelector: { "app.kubernetes.io/name": "orders-worker" } },
      to: "api",
      ports: [8080],
      justification: "the worker calls the API to settle orders",
      ticket,
    },
    {
      from: { namespace: "monitoring", podSelector: { "app.kubernetes.io/name": "prometheus" } },
      to: "api",
      ports: [9090],
      justification: "Prometheus scrapes the API's metrics for the SLO alerts and the canary gates",
      ticket,
    },
  ],
  egressFlows: [
    {
      from: "api",
      to: { ipBlock: { cidr: "10.20.32.0/20" } },
      ports: [5432],
      justification: "the orders database in the data tier of the VPC",
      ticket,
    },
  ],
  rbac: {
    deployerGroups: ["team-orders-deployers"],
    readerGroups: ["team-orders"],
  },
});

// 2. Encrypted storage: a class bound to the team's KMS key, and a claim on it.
const storage = new EncryptedStorageClass("orders-gp3", {
  className: "orders-encrypted-gp3",
  kmsKeyId: kmsKeyArn,
  volumeType: "gp3",
});

const cache = new VolumeClaim("orders-cache", {
  storageClass: storage,
  namespace: ns.namespaceName,
  size: "20Gi",
});

// 3. SLO alerts: latency, errors, throughput and burn rate of a 99.9 % availability SLO.
const alerts = new SloAlerts("orders-slo", {
  service,
  namespace: ns.namespaceName,
  labels: { release: "kube-prometheus-stack" },
  runbookUrl: "https://runbooks.example.com/orders-api",
});

// 4. The service itself, released progressively behind metric gates on the canary's own pods.
//    `baseline` puts it in the namespace and checks that the flow above lets Prometheus scrape
//    port 9090; the PodMonitor carries the label kube-prometheus-stack selects monitors by.
const rollout = new CanaryRollout(service, {
  baseline: ns,
  image,
  serviceAccountName: "workload", // the baseline's ServiceAccount, which mounts no token
  containerPort: 8080,
  readinessPath: "/healthz",
  replicas: 3,
  resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
  metrics: { port: 9090, monitorLabels: { release: "kube-prometheus-stack" } },
  // Gate on the health score the SLO rules record for the canary's revision, too.
  analysis: { healthScore: { rules: alerts, minScore: 90 } },
});

export const namespace = ns.namespaceName;
export const firewallRegister = ns.registerMarkdown;
export const storageClass = storage.className;
export const cacheClaim = cache.claimName;
export const sloRule = alerts.ruleName;
export const rolloutName = rollout.rolloutName;
export const serviceName = rollout.serviceName;
