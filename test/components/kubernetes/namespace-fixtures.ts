/** The sample flow set both NamespaceBaseline test files check. */
import type { IngressFlow } from "../../../components/kubernetes/namespace";

export const SAMPLE_FLOWS: IngressFlow[] = [
  {
    from: { namespace: "ingress-nginx", podSelector: { "app.kubernetes.io/name": "ingress-nginx" } },
    to: "api",
    ports: [8080],
    justification: "public traffic through the shared ingress",
    ticket: "CHG-100",
  },
  {
    from: { podSelector: { app: "api" } },
    to: "db",
    ports: [5432],
    justification: "api reads and writes orders",
    ticket: "CHG-101",
  },
  {
    from: { ipBlock: { cidr: "10.50.0.0/16", except: ["10.50.9.0/24"] } },
    to: "api",
    ports: ["9000-9010"],
    protocol: "UDP",
    justification: "on-premises telemetry",
    ticket: "CHG-102",
  },
];
