/**
 * Flows: checks the flows a user declares and normalises each into one flow
 * per port range, with a stable id derived from its content. Pure: no Pulumi.
 */
import { createHash } from "crypto";
import { classifyCidr, parseCidr } from "../../core/cidr";
import type { ValidationProblem } from "../../core/errors";
import {
  ADMIN_PORTS,
  coveredPorts,
  formatPortRange,
  isProblem,
  parsePortSpec,
  PortRange,
  PortSpec,
  Protocol,
  PROTOCOLS,
} from "../../core/ports";
import { FlowSpec, GATEWAY_SERVICES, GatewayService, NatStrategy, TierSpec } from "./types";

/** True when a port range is exactly one of the web ports. */
function isWebPort(r: PortRange | undefined): boolean {
  return r !== undefined && r.from === r.to && WEB_PORTS.includes(r.from);
}

/** One end of a normalised flow. */
export type FlowEnd =
  | { readonly kind: "tier"; readonly tier: string }
  | { readonly kind: "internet" }
  | { readonly kind: "cidr"; readonly cidr: string; readonly version: 4 | 6; readonly isPublic: boolean }
  | { readonly kind: "gateway"; readonly service: GatewayService }
  | { readonly kind: "endpoint"; readonly service: string };

/** A flow for one protocol and one port range (undefined: every port of the protocol). */
export interface NormalizedFlow {
  /** `flow-<10 hex>`, from the content (ends, protocol, ports): reordering flows keeps it. */
  readonly id: string;
  /** The index in `flows`, or -1 for a flow the pattern generates. */
  readonly index: number;
  readonly from: FlowEnd;
  readonly to: FlowEnd;
  readonly protocol: Protocol;
  readonly range?: PortRange;
  readonly justification: string;
  readonly ticket: string;
  readonly generated: boolean;
}

/** The ticket recorded on rules the pattern generates itself (return traffic, endpoints, default deny). */
export const GENERATED_TICKET = "generated";

/** The ports `from: "web"` means. */
export const WEB_PORTS: readonly number[] = [80, 443];

/** What flow checking needs to know about the rest of the network. */
export interface FlowContext {
  readonly tiers: readonly TierSpec[];
  readonly nat: NatStrategy;
  readonly gatewayEndpoints: readonly GatewayService[];
  /** The governance change ticket, used when a flow has none. */
  readonly defaultTicket?: string;
  /** The change-ticket format (a regular expression source). */
  readonly ticketPattern: string;
}

/** A short content hash: the same text always gives the same id. */
export function contentHash(text: string, length = 10): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** The label of a flow end, as the register shows it. */
export function endLabel(e: FlowEnd): string {
  switch (e.kind) {
    case "tier":
      return e.tier;
    case "internet":
      return "internet";
    case "cidr":
      return e.cidr;
    case "gateway":
      return `${e.service} (gateway endpoint)`;
    case "endpoint":
      return `${e.service} (interface endpoint)`;
    default: {
      const never: never = e;
      throw new Error(`unknown flow end ${JSON.stringify(never)}`);
    }
  }
}

/** True when traffic from this end comes from the internet. */
export function isInternetEnd(e: FlowEnd): boolean {
  return e.kind === "internet" || (e.kind === "cidr" && e.isPublic);
}

/** Builds a normalised flow and its content-derived id. */
export function makeFlow(f: Omit<NormalizedFlow, "id">): NormalizedFlow {
  const key = JSON.stringify([
    endLabel(f.from),
    endLabel(f.to),
    f.protocol,
    f.range ? formatPortRange(f.range) : "all",
  ]);
  return { id: `flow-${contentHash(key)}`, ...f };
}

function parseEnd(
  text: unknown,
  side: "from" | "to",
  tiers: ReadonlySet<string>,
): FlowEnd | "web" | undefined {
  if (typeof text !== "string") return undefined;
  if (tiers.has(text)) return { kind: "tier", tier: text };
  if (text === "internet") return { kind: "internet" };
  if (text === "web" && side === "from") return "web";
  if ((GATEWAY_SERVICES as readonly string[]).includes(text) && side === "to") {
    return { kind: "gateway", service: text as GatewayService };
  }
  if (text.includes("/")) {
    const p = parseCidr(text);
    const cls = classifyCidr(text);
    if (!p || !p.aligned || cls === "invalid") return undefined;
    if (cls === "any") return { kind: "internet" };
    return { kind: "cidr", cidr: text, version: p.version, isPublic: cls === "public" };
  }
  return undefined;
}

function portList(ports: FlowSpec["ports"]): PortSpec[] | undefined {
  if (ports === undefined) return undefined;
  return Array.isArray(ports) ? [...(ports as PortSpec[])] : [ports as PortSpec];
}

/**
 * Checks the declared flows and normalises them. Returns the flows and every
 * problem found; `flows` is only complete when `problems` is empty.
 */
export function normalizeFlows(
  specs: readonly FlowSpec[],
  ctx: FlowContext,
): { flows: NormalizedFlow[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const flows: NormalizedFlow[] = [];
  const tierNames = new Set(ctx.tiers.map((t) => t.name));
  const routing = new Map(ctx.tiers.map((t) => [t.name, t.routing]));
  const seen = new Map<string, number>();
  const add = (arg: string, problem: string, fix: string, code: string) =>
    problems.push({ arg, problem, fix, code });
  const tierList = [...tierNames].join(", ") || "(none)";

  specs.forEach((spec, i) => {
    const arg = `flows[${i}]`;
    const before = problems.length;
    const from = parseEnd(spec.from, "from", tierNames);
    const to = parseEnd(spec.to, "to", tierNames);
    const badCidr = (side: "from" | "to", text: unknown) =>
      add(
        `${arg}.${side}`,
        `"${String(text)}" is not a valid CIDR block`,
        "write a network address and mask, such as 10.20.0.0/16 (not 10.20.0.1/16)",
        "PAVED_CIDR_INVALID",
      );
    const looksLikeCidr = (text: unknown) => typeof text === "string" && text.includes("/");
    if (from === undefined && looksLikeCidr(spec.from)) {
      badCidr("from", spec.from);
    } else if (from === undefined) {
      add(
        `${arg}.from`,
        `"${String(spec.from)}" is not a tier, "internet", "web" or a CIDR block`,
        `use one of the tiers (${tierList}), "internet", "web" or a network address such as 10.20.0.0/16`,
        "PAVED_FLOW_UNKNOWN_TIER",
      );
    }
    if (to === undefined && looksLikeCidr(spec.to)) {
      badCidr("to", spec.to);
    } else if (to === undefined || to === "web") {
      add(
        `${arg}.to`,
        `"${String(spec.to)}" is not a tier, "internet", "s3", "dynamodb" or a CIDR block`,
        `use one of the tiers (${tierList})`,
        "PAVED_FLOW_UNKNOWN_TIER",
      );
    }
    if (typeof spec.justification !== "string" || spec.justification.trim().length < 10) {
      add(
        `${arg}.justification`,
        spec.justification ? "is too short to explain anything" : "is missing",
        "say why the flow is needed in at least 10 characters; the change board reads it",
        "PAVED_FLOW_JUSTIFICATION",
      );
    } else if (spec.justification.length > 255) {
      add(
        `${arg}.justification`,
        `is ${spec.justification.length} characters long`,
        "use at most 255 characters (it becomes the security-group rule description)",
        "PAVED_FLOW_JUSTIFICATION",
      );
    }
    const ticket = spec.ticket ?? ctx.defaultTicket;
    if (ticket === undefined || ticket === "") {
      add(
        `${arg}.ticket`,
        "is missing",
        "give the approved change for the flow (for example CHG-1234), or set governance.changeTicket",
        "PAVED_FLOW_TICKET",
      );
    } else if (!new RegExp(ctx.ticketPattern).test(ticket)) {
      add(
        `${arg}.ticket`,
        `"${ticket}" does not match ${ctx.ticketPattern}`,
        "use the ticket id from the change system, for example CHG-1234",
        "PAVED_CHANGE_TICKET_FORMAT",
      );
    }
    const protocol = spec.protocol ?? "tcp";
    if (!PROTOCOLS.includes(protocol)) {
      add(
        `${arg}.protocol`,
        `"${String(protocol)}" is not a protocol`,
        `use one of ${PROTOCOLS.join(" | ")}`,
        "PAVED_FLOW_PROTOCOL",
      );
    }
    const isWeb = from === "web";
    let ports = portList(spec.ports);
    if (isWeb && ports === undefined) ports = [...WEB_PORTS];
    const ranges: (PortRange | undefined)[] = [];
    if (protocol === "tcp" || protocol === "udp") {
      if (ports === undefined || ports.length === 0) {
        add(
          `${arg}.ports`,
          "is missing",
          `give the ${protocol} ports, for example 443 or "8000-8080"`,
          "PAVED_PORT_RANGE",
        );
      } else {
        ports.forEach((ps, j) => {
          const r = parsePortSpec(ps, `${arg}.ports${ports.length > 1 ? `[${j}]` : ""}`);
          if (isProblem(r)) problems.push(r);
          else ranges.push(r);
        });
      }
    } else if (PROTOCOLS.includes(protocol)) {
      if (ports !== undefined && !isWeb) {
        add(
          `${arg}.ports`,
          `are set for protocol ${protocol}`,
          "remove ports: icmp and all cover every port",
          "PAVED_PORT_RANGE",
        );
      }
      ranges.push(undefined);
    }
    if (isWeb) {
      if (
        protocol !== "tcp" ||
        ranges.some((r) => !r || !WEB_PORTS.some((w) => r.from === w && r.to === w))
      ) {
        add(
          `${arg}.ports`,
          `${ranges.map((r) => (r ? formatPortRange(r) : "all")).join(", ")}/${protocol} are not web ports`,
          'from "web" means TCP 80 and 443 only; omit ports, or use from "internet" for other ports',
          "PAVED_FLOW_WEB_PORTS",
        );
      }
    }
    const fromEnd: FlowEnd | undefined = isWeb ? { kind: "internet" } : (from as FlowEnd | undefined);
    const toEnd = to === "web" ? undefined : to;
    if (fromEnd && toEnd) {
      if (fromEnd.kind !== "tier" && toEnd.kind !== "tier") {
        add(
          `${arg}`,
          `runs from "${spec.from}" to "${spec.to}" and names no tier`,
          "name a tier on one side: flows describe traffic into or out of this network",
          "PAVED_FLOW_NO_TIER",
        );
      }
      if (isInternetEnd(fromEnd) && toEnd.kind === "tier" && routing.get(toEnd.tier) !== "internet") {
        add(
          `${arg}.to`,
          `"${toEnd.tier}" is not a public tier, and "${spec.from}" is the internet`,
          'send internet traffic to a tier with routing "internet" (a load balancer there) and flow on from that tier',
          "PAVED_FLOW_INTERNET_TIER",
        );
      }
      if (isInternetEnd(fromEnd)) {
        const admin = ranges.flatMap((r) => coveredPorts(r ?? { from: 0, to: 65535 }, ADMIN_PORTS));
        if (protocol !== "icmp" && admin.length > 0) {
          add(
            `${arg}.ports`,
            `open ${[...new Set(admin)].map((p) => `${p} (${ADMIN_PORTS[p]})`).join(", ")} to the internet`,
            "admin ports are never opened to the internet: use SSM Session Manager, or a private CIDR over VPN",
            "PAVED_FLOW_ADMIN_PORT",
          );
        } else if (protocol !== "icmp") {
          // The pack (aws-sg-internet-ingress-web-only) lets only the web ports face the internet;
          // refuse here what it would refuse at preview, so the component and the pack agree.
          const other = ranges.filter((r) => !isWebPort(r));
          if (other.length > 0) {
            add(
              `${arg}.ports`,
              `open ${other.map((r) => (r ? formatPortRange(r) : "every port")).join(", ")} to the internet; only ${WEB_PORTS.join(" and ")} may face it`,
              "serve it over HTTPS on 443 behind the load balancer, or reach it from a private CIDR over VPN",
              "PAVED_FLOW_INTERNET_PORT",
            );
          }
        }
      }
      if (fromEnd.kind === "tier" && isInternetEnd(toEnd)) {
        const r = routing.get(fromEnd.tier);
        if (r === "none" || (r === "nat" && ctx.nat === "none")) {
          add(
            `${arg}.to`,
            `"${spec.to}" is unreachable: tier "${fromEnd.tier}" has ${r === "none" ? 'routing "none"' : 'routing "nat" and nat is "none"'}`,
            'give the tier routing "nat" with nat "single" or "perAz", or drop the flow',
            "PAVED_FLOW_NO_ROUTE",
          );
        }
      }
      if (toEnd.kind === "gateway" && !ctx.gatewayEndpoints.includes(toEnd.service)) {
        add(
          `${arg}.to`,
          `"${toEnd.service}" has no gateway endpoint`,
          `add "${toEnd.service}" to gatewayEndpoints`,
          "PAVED_FLOW_NO_ENDPOINT",
        );
      }
    }
    if (problems.length > before || !fromEnd || !toEnd) return;
    for (const range of ranges) {
      const flow = makeFlow({
        index: i,
        from: fromEnd,
        to: toEnd,
        protocol,
        range,
        justification: spec.justification.trim(),
        ticket: ticket as string,
        generated: false,
      });
      const earlier = seen.get(flow.id);
      if (earlier !== undefined) {
        add(
          `${arg}`,
          `repeats flows[${earlier}] (${endLabel(fromEnd)} to ${endLabel(toEnd)} ${protocol} ${range ? formatPortRange(range) : "all"})`,
          "declare each flow once; merge the justifications",
          "PAVED_FLOW_DUPLICATE",
        );
        continue;
      }
      seen.set(flow.id, i);
      flows.push(flow);
    }
  });
  return { flows, problems };
}
