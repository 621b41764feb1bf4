/**
 * The firewall-rule diff a change board reads in a pull request: the rule
 * registers of two versions of a program (SegmentedNetwork security groups and
 * NACLs, NamespaceBaseline NetworkPolicies), compared rule by rule. Pure.
 *
 * Rule ids are content hashes (the same flow always gets the same id), so a
 * rule whose port range or source grew gets a new id. Rules are matched by id
 * first; what is left is paired within a register by kind, direction and
 * action, when one rule's traffic contains the other's (a port range, a CIDR,
 * a label selector grown or shrunk) or when two of from, to and ports are the
 * same. A pair is `widened` (the new rule allows everything the old one did,
 * and more), `narrowed`, `replaced` (neither contains the other: it allows
 * something new) or `relabelled` (the same traffic, another justification or
 * ticket). The rest is `added` or `removed`.
 */
import { Address4, Address6 } from "ip-address";
import type { FirewallRule } from "../components/core/register";
import { compareText } from "../components/core/order";

/** One register: a component's rules, named as `paved register` titles it. */
export interface NamedRegister {
  /** `SegmentedNetwork core`, `NamespaceBaseline team`. */
  readonly title: string;
  readonly rules: readonly FirewallRule[];
}

export type ChangeKind = "added" | "removed" | "widened" | "narrowed" | "replaced" | "relabelled";

/** The order changes are listed in: what grants access first. */
export const CHANGE_ORDER: readonly ChangeKind[] = [
  "added",
  "widened",
  "replaced",
  "narrowed",
  "relabelled",
  "removed",
];

export interface RuleChange {
  /** The register's title. */
  readonly register: string;
  readonly change: ChangeKind;
  /** The rule in the base (absent when added). */
  readonly before?: FirewallRule;
  /** The rule in the head (absent when removed). */
  readonly after?: FirewallRule;
  /** What changed, one phrase per field: `ports 8080 -> 8080-8090`. */
  readonly details: readonly string[];
  /** The change allows traffic the base did not. */
  readonly grants: boolean;
  /** It grants access and its rule carries no ticket. */
  readonly missingTicket: boolean;
}

export interface RegisterDiff {
  /** What was compared, as the user named it. */
  readonly base: string;
  readonly head: string;
  readonly changes: readonly RuleChange[];
  readonly summary: {
    readonly unchanged: number;
    readonly counts: Readonly<Record<ChangeKind, number>>;
    /** Changes that grant access without a ticket. */
    readonly missingTickets: number;
  };
}

/** A ticket that says nothing: empty, `-`, `none`, `n/a`, `tbd`. */
export function hasTicket(ticket: string | undefined): boolean {
  const t = (ticket ?? "").trim().toLowerCase();
  return t !== "" && !["-", "none", "n/a", "na", "tbd", "todo"].includes(t);
}

// ---------------------------------------------------------------------------
// Traffic containment

/** Port ranges from `443`, `8000-8080`, `80,443`, `all`; undefined when unreadable. */
export function parsePorts(ports: string): [number, number][] | undefined {
  const s = ports.trim().toLowerCase();
  if (s === "all" || s === "-1" || s === "*" || s === "0-65535") return [[0, 65535]];
  const out: [number, number][] = [];
  for (const part of s.split(/\s*,\s*/)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return undefined;
    out.push([lo, hi]);
  }
  return out.length > 0 ? out : undefined;
}

/** Every port of `inner` lies in `outer`. */
function portsCover(outer: string, inner: string): boolean {
  if (outer.trim() === inner.trim()) return true;
  const o = parsePorts(outer);
  const i = parsePorts(inner);
  if (!o || !i) return false;
  // Merge the outer ranges, then check each inner range against a merged one.
  const merged: [number, number][] = [];
  for (const [lo, hi] of [...o].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return i.every(([lo, hi]) => merged.some(([a, b]) => a <= lo && hi <= b));
}

function protocolCovers(outer: string, inner: string): boolean {
  const o = outer.trim().toLowerCase();
  const i = inner.trim().toLowerCase();
  return o === i || o === "all" || o === "-1";
}

type Cidr = Address4 | Address6;

function parseCidr(s: string): Cidr | undefined {
  const t = s.trim();
  if (Address4.isValid(t)) return new Address4(t.includes("/") ? t : `${t}/32`);
  if (Address6.isValid(t)) return new Address6(t.includes("/") ? t : `${t}/128`);
  return undefined;
}

function inSubnet(inner: Cidr, outer: Cidr): boolean {
  if (inner instanceof Address4 !== outer instanceof Address4) return false;
  return (inner as Address4).isInSubnet(outer as Address4);
}

const isUniverse = (c: Cidr) => c.subnetMask === 0;

/** One end of a rule, read from the register's text. */
type End =
  | { kind: "any" }
  | { kind: "cidr"; cidr: Cidr; except: Cidr[] }
  | { kind: "pods"; namespace?: string; labels?: Map<string, string> }
  | { kind: "label"; text: string };

function parseLabels(s: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  if (s.trim() === "") return out;
  for (const kv of s.split(",")) {
    const m = /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(kv);
    if (!m) return undefined;
    out.set(m[1], m[2]);
  }
  return out;
}

/**
 * Reads an end: `any`, `0.0.0.0/0`, `internet 0.0.0.0/0` (a label and a CIDR),
 * `10.0.0.0/8 except 10.1.0.0/16`, `namespace=shop pods{app=web}`,
 * `workload api pods{app=api}`, `all pods`; anything else is a label that only
 * equals itself (a tier name, `s3 prefix list (0.0.0.0/0)`).
 */
export function parseEnd(text: string): End {
  const s = text.trim();
  if (s === "any") return { kind: "any" };
  if (s === "all pods") return { kind: "pods" };
  const c = /^(?:[a-z][\w-]* )?(\S+\/\d+)(?: except (\S+))?$/i.exec(s);
  if (c) {
    const cidr = parseCidr(c[1]);
    const except = (c[2] ?? "").split(",").filter(Boolean).map(parseCidr);
    if (cidr && except.every((e): e is Cidr => e !== undefined)) {
      return except.length === 0 && isUniverse(cidr) ? { kind: "any" } : { kind: "cidr", cidr, except };
    }
  }
  const k = /^(?:workload \S+ )?(?:namespace=(\S+))?\s*(?:pods\{(.*)\})?$/.exec(s);
  if (k && (k[1] !== undefined || k[2] !== undefined)) {
    const labels = k[2] === undefined ? undefined : parseLabels(k[2]);
    if (k[2] === undefined || labels) return { kind: "pods", namespace: k[1], labels };
  }
  return { kind: "label", text: s };
}

/** Every peer `inner` names is also named by `outer`. */
export function endCovers(outerText: string, innerText: string): boolean {
  if (outerText.trim() === innerText.trim()) return true;
  const outer = parseEnd(outerText);
  const inner = parseEnd(innerText);
  switch (outer.kind) {
    case "any":
      return true;
    case "label":
      return inner.kind === "label" && inner.text === outer.text;
    case "cidr": {
      if (inner.kind !== "cidr" || !inSubnet(inner.cidr, outer.cidr)) return false;
      // What the outer range leaves out must be left out of the inner one too.
      return outer.except.every((e) => {
        if (!inSubnet(e, inner.cidr) && !inSubnet(inner.cidr, e)) return true; // disjoint
        if (inSubnet(inner.cidr, e)) return false; // the inner range lies in the hole
        return inner.except.some((f) => inSubnet(e, f));
      });
    }
    case "pods": {
      if (inner.kind !== "pods" || outer.namespace !== inner.namespace) return false;
      // No selector (all pods, a whole namespace) holds every selector; else fewer labels hold more.
      if (outer.labels === undefined) return true;
      if (inner.labels === undefined) return outer.labels.size === 0;
      return [...outer.labels].every(([key, v]) => inner.labels?.get(key) === v);
    }
    default: {
      const never: never = outer;
      throw new Error(`unknown end ${String(never)}`);
    }
  }
}

/** All the traffic `inner` allows (or denies), `outer` does too. */
export function ruleCovers(outer: FirewallRule, inner: FirewallRule): boolean {
  return (
    protocolCovers(outer.protocol, inner.protocol) &&
    portsCover(outer.ports, inner.ports) &&
    endCovers(outer.from, inner.from) &&
    endCovers(outer.to, inner.to)
  );
}

// ---------------------------------------------------------------------------
// The diff

const TRAFFIC = ["from", "to", "ports", "protocol"] as const;
const LABELS = ["justification", "ticket"] as const;

function fieldChanges(before: FirewallRule, after: FirewallRule): string[] {
  const out: string[] = [];
  if (before.id !== after.id) out.push(`id ${before.id} -> ${after.id}`);
  for (const f of [...TRAFFIC, ...LABELS]) {
    if (before[f] !== after[f]) out.push(`${f} ${before[f] || "(none)"} -> ${after[f] || "(none)"}`);
  }
  return out;
}

function classify(before: FirewallRule, after: FirewallRule): ChangeKind | "same" {
  const grown = ruleCovers(after, before);
  const shrunk = ruleCovers(before, after);
  if (grown && shrunk) {
    return LABELS.some((f) => before[f] !== after[f]) ? "relabelled" : "same";
  }
  if (grown) return "widened";
  if (shrunk) return "narrowed";
  return "replaced";
}

/** Whether a change lets more traffic through: more allowed, or less denied. */
function grantsAccess(change: ChangeKind, action: FirewallRule["action"]): boolean {
  const more = change === "added" || change === "widened" || change === "replaced";
  const less = change === "removed" || change === "narrowed" || change === "replaced";
  return action === "allow" ? more : less;
}

/** How alike two rules of one slot are; undefined when they are not a pair. */
function pairScore(a: FirewallRule, b: FirewallRule): number | undefined {
  if (a.kind !== b.kind || a.direction !== b.direction || a.action !== b.action) return undefined;
  const same = (["from", "to", "ports"] as const).filter((f) => a[f] === b[f]).length;
  const comparable = ruleCovers(a, b) || ruleCovers(b, a);
  if (!comparable && same < 2) return undefined;
  return (comparable ? 10 : 0) + same * 2 + (a.protocol === b.protocol ? 1 : 0);
}

function makeChange(
  register: string,
  change: ChangeKind,
  before: FirewallRule | undefined,
  after: FirewallRule | undefined,
): RuleChange {
  const rule = (after ?? before) as FirewallRule;
  const grants = grantsAccess(change, rule.action);
  return {
    register,
    change,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    details: before && after ? fieldChanges(before, after) : [],
    grants,
    missingTicket: grants && after !== undefined && after.action === "allow" && !hasTicket(after.ticket),
  };
}

function diffOne(title: string, base: readonly FirewallRule[], head: readonly FirewallRule[]) {
  const changes: RuleChange[] = [];
  let unchanged = 0;
  const headById = new Map(head.map((r) => [r.id, r]));
  const leftBase: FirewallRule[] = [];
  const matched = new Set<string>();
  for (const b of base) {
    const h = headById.get(b.id);
    if (!h || matched.has(b.id)) {
      leftBase.push(b);
      continue;
    }
    matched.add(b.id);
    const kind = classify(b, h);
    if (kind === "same") unchanged++;
    else changes.push(makeChange(title, kind, b, h));
  }
  const leftHead = head.filter((h) => !matched.has(h.id));
  // Pair what is left, the most alike first (ties broken by id, so the result is stable).
  const pairs: { b: number; h: number; score: number }[] = [];
  leftBase.forEach((b, bi) =>
    leftHead.forEach((h, hi) => {
      const score = pairScore(b, h);
      if (score !== undefined) pairs.push({ b: bi, h: hi, score });
    }),
  );
  pairs.sort(
    (x, y) =>
      y.score - x.score ||
      compareText(leftBase[x.b].id, leftBase[y.b].id) ||
      compareText(leftHead[x.h].id, leftHead[y.h].id),
  );
  const usedB = new Set<number>();
  const usedH = new Set<number>();
  for (const p of pairs) {
    if (usedB.has(p.b) || usedH.has(p.h)) continue;
    usedB.add(p.b);
    usedH.add(p.h);
    const kind = classify(leftBase[p.b], leftHead[p.h]);
    if (kind === "same") unchanged++;
    else changes.push(makeChange(title, kind, leftBase[p.b], leftHead[p.h]));
  }
  leftBase.forEach((b, i) => usedB.has(i) || changes.push(makeChange(title, "removed", b, undefined)));
  leftHead.forEach((h, i) => usedH.has(i) || changes.push(makeChange(title, "added", undefined, h)));
  return { changes, unchanged };
}

/** Compares two sets of registers (matched by title). */
export function diffRegisters(
  base: readonly NamedRegister[],
  head: readonly NamedRegister[],
  names: { base: string; head: string },
): RegisterDiff {
  const titles = [...new Set([...base, ...head].map((r) => r.title))].sort();
  const rulesOf = (set: readonly NamedRegister[], t: string) =>
    set.filter((r) => r.title === t).flatMap((r) => r.rules);
  const changes: RuleChange[] = [];
  let unchanged = 0;
  for (const t of titles) {
    const one = diffOne(t, rulesOf(base, t), rulesOf(head, t));
    changes.push(...one.changes);
    unchanged += one.unchanged;
  }
  // The rule a change is about: its new form, or the removed one.
  const order = (c: RuleChange) => (c.after ?? c.before) as FirewallRule;
  changes.sort(
    (a, b) =>
      compareText(a.register, b.register) ||
      CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) ||
      compareText(order(a).kind, order(b).kind) ||
      compareText(order(a).direction, order(b).direction) ||
      compareText(order(a).id, order(b).id),
  );
  const counts = Object.fromEntries(CHANGE_ORDER.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.change]++;
  return {
    base: names.base,
    head: names.head,
    changes,
    summary: { unchanged, counts, missingTickets: changes.filter((c) => c.missingTicket).length },
  };
}
