/** The sample flow set the SegmentedNetwork plan and component tests both check rule by rule. */
import type { FlowSpec } from "../../../components/aws/network/types";

export const SAMPLE_FLOWS: FlowSpec[] = [
  { from: "web", to: "public", justification: "Customers reach the public load balancer", ticket: "CHG-100" },
  {
    from: "public",
    to: "app",
    ports: 8080,
    justification: "Load balancer forwards to the app",
    ticket: "CHG-100",
  },
  {
    from: "app",
    to: "data",
    ports: 5432,
    justification: "App reads and writes PostgreSQL",
    ticket: "CHG-101",
  },
  {
    from: "app",
    to: "internet",
    ports: 443,
    justification: "App calls the payment provider API",
    ticket: "CHG-102",
  },
];
