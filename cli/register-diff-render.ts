/**
 * The firewall-rule diff as Markdown (a pull request comment, GitHub's job
 * summary), text and JSON; and the topology as Mermaid with the changed flows
 * marked. Pure.
 */
import type { FirewallRule } from "../components/core/register";
import type { FlowView, Topology } from "./diagram/topology";
import { CHANGE_ORDER, type ChangeKind, type RegisterDiff, type RuleChange } from "./register-diff";

const SYMBOL: Record<ChangeKind, string> = {
  added: "+",
  widened: ">",
  replaced: "~",
  narrowed: "<",
  relabelled: "=",
  removed: "-",
};

/** `3 changes: 1 added, 1 widened, 1 removed; 12 rules unchanged`. */
export function diffSummaryLine(diff: RegisterDiff): string {
  const n = diff.changes.length;
  const parts = CHANGE_ORDER.filter((k) => diff.summary.counts[k] > 0).map(
    (k) => `${diff.summary.counts[k]} ${k}`,
  );
  const unchanged = `${diff.summary.unchanged} rule${diff.summary.unchanged === 1 ? "" : "s"} unchanged`;
  return n === 0
    ? `no firewall-rule change; ${unchanged}`
    : `${n} change${n === 1 ? "" : "s"}: ${parts.join(", ")}; ${unchanged}`;
}

function ticketProblem(diff: RegisterDiff): string | undefined {
  const m = diff.summary.missingTickets;
  return m > 0
    ? `${m} new or widened rule${m === 1 ? "" : "s"} without a ticket: give each flow the change ticket that approved it`
    : undefined;
}

/** A Markdown table cell: pipes escaped, one line, HTML-significant characters as entities. */
function cell(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

/** `old → new` when the field changed, else the value. */
function field(c: RuleChange, f: keyof FirewallRule): string {
  const b = c.before?.[f];
  const a = c.after?.[f];
  if (c.before && c.after && b !== a) return `${cell(String(b ?? ""))} → **${cell(String(a ?? ""))}**`;
  return cell(String(a ?? b ?? ""));
}

/** The diff as Markdown: a summary line, then one table per register. */
export function renderDiffMarkdown(diff: RegisterDiff, opts: { mermaid?: string } = {}): string {
  const out = [
    `## Firewall-rule changes`,
    "",
    `\`${cell(diff.base)}\` → \`${cell(diff.head)}\`: ${diffSummaryLine(diff)}.`,
    "",
  ];
  const problem = ticketProblem(diff);
  if (problem) out.push(`> [!CAUTION]`, `> ${problem}.`, "");
  const cols = ["change", "id", "rule", "from", "to", "ports", "protocol", "justification", "ticket"];
  for (const title of [...new Set(diff.changes.map((c) => c.register))]) {
    out.push(`### ${cell(title)}`, "", `| ${cols.join(" | ")} |`, `| ${cols.map(() => "---").join(" | ")} |`);
    for (const c of diff.changes.filter((x) => x.register === title)) {
      const r = (c.after ?? c.before) as FirewallRule;
      const change = `${c.missingTicket ? "⚠️ " : ""}**${c.change}**`;
      const ticket = c.missingTicket ? `${field(c, "ticket") || "(none)"} ⚠️ missing` : field(c, "ticket");
      out.push(
        `| ${[
          change,
          field(c, "id"),
          cell(`${r.direction} ${r.action} (${r.kind})`),
          field(c, "from"),
          field(c, "to"),
          field(c, "ports"),
          field(c, "protocol"),
          field(c, "justification"),
          ticket,
        ].join(" | ")} |`,
      );
    }
    out.push("");
  }
  if (opts.mermaid) {
    out.push(
      "### Topology (changed flows marked)",
      "",
      "Green: added or widened; orange: replaced; blue: narrowed; red dashed: removed.",
      "",
      "```mermaid",
      opts.mermaid.trimEnd(),
      "```",
      "",
    );
  }
  return out.join("\n");
}

/** The diff as plain text, one line per change. */
export function renderDiffText(diff: RegisterDiff): string {
  const out = [`firewall-rule diff ${diff.base} -> ${diff.head}: ${diffSummaryLine(diff)}`];
  for (const c of diff.changes) {
    const r = (c.after ?? c.before) as FirewallRule;
    out.push(
      `${SYMBOL[c.change]} ${c.change.padEnd(10)} ${c.register}  ${r.id}  ${r.direction} ${r.action} ${r.kind}  ` +
        `${r.from} -> ${r.to}  ${r.protocol} ${r.ports}  "${r.justification}" [${r.ticket || "no ticket"}]` +
        (c.missingTicket ? "  MISSING TICKET" : ""),
    );
    for (const d of c.details) out.push(`    ${d}`);
  }
  const problem = ticketProblem(diff);
  if (problem) out.push(`error: ${problem}`);
  return out.join("\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "?") + "\n";
}

/** The diff as JSON. */
export function renderDiffJson(diff: RegisterDiff): string {
  return JSON.stringify({ tool: "paved", kind: "register-diff", ...diff }, null, 2) + "\n";
}

// ---------------------------------------------------------------------------
// Mermaid with the changed flows marked

const STYLE: Partial<Record<ChangeKind, string>> = {
  added: "stroke:#1a7f37,stroke-width:3px",
  widened: "stroke:#1a7f37,stroke-width:3px",
  replaced: "stroke:#bc4c00,stroke-width:3px",
  narrowed: "stroke:#0969da,stroke-width:2px",
  removed: "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5",
};

/** A flow's strongest change, by the rule ids behind it (head ids, and base ids for removed rules). */
function changeOf(ids: readonly string[] | undefined, byId: Map<string, ChangeKind>): ChangeKind | undefined {
  const found = (ids ?? []).map((i) => byId.get(i)).filter((k): k is ChangeKind => k !== undefined);
  return CHANGE_ORDER.find((k) => found.includes(k));
}

const MARK = "\u2063"; // an invisible separator: finds our edges in the rendered text, shows nothing

function marked(f: FlowView, byId: Map<string, ChangeKind>, extra?: ChangeKind): FlowView {
  const k = CHANGE_ORDER.find((c) => c === changeOf(f.ids, byId) || c === extra);
  return k && k !== "relabelled" ? { ...f, label: `${MARK}${k}${MARK}: ${f.label}` } : f;
}

/**
 * A network diagram's end as its flows name it: a register end `internet
 * 0.0.0.0/0` or `public 10.30.0.0/22` is `internet` or `public`; a CIDR or a
 * bare tier stays as it is.
 */
export function diagramEnd(end: string): string {
  const m = /^([a-z][\w-]*) (\S+\/\d+)$/i.exec(end.trim());
  return m ? m[1] : end.trim();
}

/** The security-group rule is behind the (merged) arrow: the same ends, and its ports in the label. */
function ruleIsFlow(r: FirewallRule, f: FlowView): boolean {
  const from = diagramEnd(r.from);
  const ends = (from === f.from || (f.from === "web" && from === "internet")) && diagramEnd(r.to) === f.to;
  if (!ends) return false;
  if (f.label === "all") return true;
  return f.label.split(/[;,]\s*|\s+/).includes(r.ports);
}

/** The strongest change among a network's security-group rules behind an arrow. */
function networkChange(f: FlowView, changes: readonly RuleChange[]): ChangeKind | undefined {
  const kinds = changes
    .filter((c) => c.after?.kind === "security-group" && ruleIsFlow(c.after, f))
    .map((c) => c.change);
  return CHANGE_ORDER.find((k) => kinds.includes(k));
}

/**
 * The head's topology rendered by `render` (cli/diagram/mermaid.ts), its
 * changed flows labelled and coloured (`linkStyle`), and the flows the base
 * had and the head lost drawn as red dashed edges.
 */
export function markedMermaid(
  topology: Topology,
  diff: RegisterDiff,
  render: (t: Topology) => string,
): string {
  const byId = new Map<string, ChangeKind>();
  for (const c of diff.changes) if (c.after) byId.set(c.after.id, c.change);
  const removed = diff.changes.filter((c) => c.change === "removed" && c.before?.action === "allow");
  const networks = topology.networks.map((n) => {
    const own = diff.changes.filter((c) => c.register === `SegmentedNetwork ${n.name}`);
    // A removed flow is two security-group rules (egress and ingress side): one dashed arrow.
    const gone = new Map<string, FlowView>();
    for (const c of removed) {
      const r = c.before as FirewallRule;
      if (c.register !== `SegmentedNetwork ${n.name}` || r.kind !== "security-group") continue;
      const ports = r.ports === "all" ? "all" : `${r.protocol} ${r.ports}`;
      const key = `${diagramEnd(r.from)}|${diagramEnd(r.to)}|${ports}`;
      const prev = gone.get(key);
      gone.set(key, {
        from: diagramEnd(r.from),
        to: diagramEnd(r.to),
        label: `${MARK}removed${MARK}: ${ports}`,
        ids: [...(prev?.ids ?? []), r.id],
      });
    }
    return {
      ...n,
      flows: [...n.flows.map((f) => marked(f, byId, networkChange(f, own))), ...gone.values()],
    };
  });
  const namespaces = (topology.namespaces ?? []).map((ns) => ({
    ...ns,
    flows: ns.flows.map((f) => ({ ...f, ...marked(f, byId) })),
  }));
  const text = render({ ...topology, networks, namespaces });
  // linkStyle counts every link in the order it is written.
  const styles: string[] = [];
  let index = 0;
  const lines = text.trimEnd().split("\n");
  for (const line of lines) {
    const t = line.trim();
    if (/^(subgraph|end$|direction|classDef|class |style |linkStyle|click)/.test(t)) continue;
    const links = t.match(/(<?--+>|-\.+->|==+>|~~~|---)/g);
    if (!links) continue;
    const kind = new RegExp(`${MARK}(\\w+)${MARK}`).exec(t)?.[1] as ChangeKind | undefined;
    if (kind && STYLE[kind]) styles.push(`  linkStyle ${index} ${STYLE[kind]}`);
    index += links.length;
  }
  return [...lines, ...styles].join("\n").split(MARK).join("") + "\n";
}
