/**
 * The firewall-rule register: every rule a pattern creates, as data, and
 * rendered for a change board. Shared by SegmentedNetwork (security groups and
 * NACLs), NamespaceBaseline (NetworkPolicies) and `paved register`.
 */
import { compareText } from "./order";

/** One rule in the register. */
export interface FirewallRule {
  /** Stable id, derived from the declared flow: the same flow always gets the same id. */
  readonly id: string;
  /** What enforces it. */
  readonly kind: "security-group" | "network-acl" | "network-policy";
  readonly direction: "ingress" | "egress";
  readonly action: "allow" | "deny";
  /** Source: a tier, `internet`, a CIDR, or a namespace/pod selector. */
  readonly from: string;
  /** Destination: a tier or a pod selector. */
  readonly to: string;
  /** `443`, `8000-8080`, `all`. */
  readonly ports: string;
  readonly protocol: string;
  /** Why the rule exists. Generated rules (return traffic, default deny) say so. */
  readonly justification: string;
  /** The approved change that introduced it. */
  readonly ticket: string;
  /** The rule number, for NACL entries. */
  readonly ruleNumber?: number;
}

const COLUMNS: readonly (keyof FirewallRule)[] = [
  "id",
  "kind",
  "direction",
  "action",
  "from",
  "to",
  "ports",
  "protocol",
  "justification",
  "ticket",
];

function cell(v: unknown): string {
  return String(v ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

/** Sorts rules into the order a reviewer reads: by kind, direction, then id. */
export function sortRules(rules: readonly FirewallRule[]): FirewallRule[] {
  return [...rules].sort(
    (a, b) =>
      compareText(a.kind, b.kind) ||
      compareText(a.direction, b.direction) ||
      (a.ruleNumber ?? 0) - (b.ruleNumber ?? 0) ||
      compareText(a.id, b.id),
  );
}

/** Renders the register as a Markdown table with a heading. */
export function renderRegisterMarkdown(title: string, rules: readonly FirewallRule[]): string {
  const lines = [
    `## Firewall-rule register: ${title}`,
    "",
    `${rules.length} rule${rules.length === 1 ? "" : "s"}.`,
    "",
    `| ${COLUMNS.join(" | ")} |`,
    `| ${COLUMNS.map(() => "---").join(" | ")} |`,
    ...sortRules(rules).map((r) => `| ${COLUMNS.map((c) => cell(r[c])).join(" | ")} |`),
    "",
  ];
  return lines.join("\n");
}

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (it
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return: a justification
 * or ticket is free text from a program) gets a leading `'`, so it reads as
 * text (OWASP "CSV injection"); a plain number (`-1`) is left as it is.
 */
export function csvCell(v: unknown): string {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders the register as CSV (RFC 4180), with a `register` column naming its source. */
export function renderRegisterCsv(
  registers: readonly { title: string; rules: readonly FirewallRule[] }[],
): string {
  const header = ["register", ...COLUMNS].join(",");
  const rows = registers.flatMap((reg) =>
    sortRules(reg.rules).map((r) => [reg.title, ...COLUMNS.map((c) => r[c])].map(csvCell).join(",")),
  );
  return [header, ...rows].join("\n") + "\n";
}
