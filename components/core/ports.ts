/**
 * Ports and protocols, shared by the network components, the Kubernetes
 * baseline and the policy pack (one implementation of "does this range
 * cover an admin port").
 */
import type { ValidationProblem } from "./errors";

/** An inclusive port range. A single port has `from === to`. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** How a user writes ports: `443`, `"443"`, `"8000-8080"`, or `{ from, to }`. */
export type PortSpec = number | string | PortRange;

/** Protocols a flow may name. `all` means every protocol and port (AWS `-1`). */
export type Protocol = "tcp" | "udp" | "icmp" | "all";
export const PROTOCOLS: readonly Protocol[] = ["tcp", "udp", "icmp", "all"];

/** Remote-administration ports never opened to the internet: SSH and RDP. */
export const ADMIN_PORTS: Readonly<Record<number, string>> = Object.freeze({ 22: "SSH", 3389: "RDP" });

/**
 * Database and cache ports that must not face the internet. Sources: the
 * default ports of each engine's documentation.
 */
export const DATABASE_PORTS: Readonly<Record<number, string>> = Object.freeze({
  1433: "SQL Server",
  1521: "Oracle",
  2379: "etcd",
  3306: "MySQL",
  5432: "PostgreSQL",
  5984: "CouchDB",
  6379: "Redis",
  7000: "Cassandra",
  9042: "Cassandra",
  9200: "Elasticsearch",
  11211: "Memcached",
  27017: "MongoDB",
});

/** The whole port space, for protocol `all` or `-1`. */
export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** Parses a port spec. Returns the range or a problem naming `arg`. */
export function parsePortSpec(spec: PortSpec, arg: string): PortRange | ValidationProblem {
  const bad = (problem: string): ValidationProblem => ({
    arg,
    problem,
    fix: 'use a port 1..65535 or a range "from-to" with from <= to',
    code: "PAVED_PORT_RANGE",
  });
  let range: PortRange;
  if (typeof spec === "number") {
    range = { from: spec, to: spec };
  } else if (typeof spec === "string") {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$/.exec(spec);
    if (!m) return bad(`"${spec}" is not a port or range`);
    range = { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
  } else if (spec && typeof spec === "object") {
    range = { from: spec.from, to: spec.to };
  } else {
    return bad(`${String(spec)} is not a port or range`);
  }
  if (!Number.isInteger(range.from) || !Number.isInteger(range.to)) {
    return bad(`${JSON.stringify(spec)} is not a whole number`);
  }
  if (range.from < 1 || range.to > 65535) return bad(`${formatPortRange(range)} is outside 1..65535`);
  if (range.from > range.to) return bad(`${formatPortRange(range)} runs backwards`);
  return range;
}

/** True when the value is a problem rather than a range. */
export function isProblem(v: PortRange | ValidationProblem): v is ValidationProblem {
  return (v as ValidationProblem).code !== undefined;
}

/** `443`, `8000-8080`, or `all`. */
export function formatPortRange(r: PortRange): string {
  if (r.from <= 0 && r.to >= 65535) return "all";
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

/** True when the range includes the port. */
export function rangeCovers(r: PortRange, port: number): boolean {
  return r.from <= port && port <= r.to;
}

/** A table's ports in ascending order, per table object (tables are frozen constants or memoised merges). */
const sortedPorts = new WeakMap<object, readonly number[]>();

/** The named ports of `table` that the range covers, in ascending order. */
export function coveredPorts(r: PortRange, table: Readonly<Record<number, string>>): number[] {
  let ports = sortedPorts.get(table);
  if (!ports) {
    ports = Object.keys(table)
      .map(Number)
      .sort((a, b) => a - b);
    // Only a frozen table cannot change under the cache.
    if (Object.isFrozen(table)) sortedPorts.set(table, ports);
  }
  return ports.filter((p) => rangeCovers(r, p));
}

/**
 * Normalises a protocol as AWS writes it (`tcp`, `6`, `-1`, `all`, `TCP`) to a
 * {@link Protocol}; undefined when it is not one of them.
 */
export function normaliseProtocol(p: string | number | undefined): Protocol | undefined {
  const s = String(p ?? "").toLowerCase();
  switch (s) {
    case "tcp":
    case "6":
      return "tcp";
    case "udp":
    case "17":
      return "udp";
    case "icmp":
    case "1":
    case "icmpv6":
    case "58":
      return "icmp";
    case "-1":
    case "all":
      return "all";
    default:
      return undefined;
  }
}

/** The AWS protocol number string for a protocol: tcp `6`, udp `17`, icmp `1`, all `-1`. */
export function awsProtocolNumber(p: Protocol): string {
  switch (p) {
    case "tcp":
      return "6";
    case "udp":
      return "17";
    case "icmp":
      return "1";
    case "all":
      return "-1";
    default: {
      const never: never = p;
      throw new Error(`unknown protocol ${String(never)}`);
    }
  }
}

/**
 * The ephemeral port range return traffic uses. 1024-65535 covers the Linux
 * (32768-60999), Windows (49152-65535), NAT gateway and ELB (1024-65535)
 * ranges, as the AWS NACL documentation recommends.
 */
export const EPHEMERAL_PORTS: PortRange = { from: 1024, to: 65535 };
