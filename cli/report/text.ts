/**
 * The default output: violations grouped by severity in a table (resource
 * name and type, policy, message), then a summary line. Colour only on a TTY.
 * Repeated findings of one policy on one resource (at one level) are one row:
 * the first message and a count, `×12`; json, sarif and junit list each.
 */
import type { Report, Violation } from "./model";
import { SEVERITY_ORDER } from "./model";
import type { Locate } from "./sarif";

/** ANSI styles, applied only when `colour` is on. */
export interface Palette {
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** The palette for a stream: plain text unless it is a TTY and NO_COLOR is unset. */
export function palette(colour: boolean): Palette {
  if (!colour) {
    const id = (s: string) => s;
    return { bold: id, red: id, yellow: id, green: id, dim: id };
  }
  return {
    bold: wrap(1, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
  };
}

/** True when colour should be used on this stream (a TTY, NO_COLOR unset, FORCE_COLOR honoured). */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides a name or
 * message can carry, escaped (`\x1b`, `\u202e`): a resource name is program
 * input, and the terminal must not run it (cursor moves, colour, a line that
 * rewrites the verdict) or reorder it.
 */
export function escapeControl(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}

/** A message on one line (newlines become a space), its control characters escaped. */
const oneLine = (s: string) => escapeControl(s.replace(/\s*\n\s*/g, " "));

// Visible width: ANSI sequences take no columns.
const width = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "").length;
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
      .join("  ")
      .trimEnd(),
  );
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Renders the report as text. */
export function renderText(
  report: Report & { readonly inputs?: readonly string[] },
  colour = false,
  locate?: Locate,
): string {
  const p = palette(colour);
  const out: string[] = [];
  const t = report.target;
  out.push(
    p.bold(
      escapeControl(
        `paved check: ${t.kind === "program" ? `${t.project ?? t.path} (stack ${t.stack})` : `state ${t.path}`}` +
          ` with ${report.pack.name} ${report.pack.version}`,
      ),
    ),
    // What decided the verdict besides the pack: the policy config and the exemptions, with their sha256.
    ...(report.inputs ?? []).map((l) => p.dim(l)),
    "",
  );
  for (const sev of SEVERITY_ORDER) {
    const group = report.violations.filter((v) => v.severity === sev);
    if (group.length === 0) continue;
    out.push(p.bold(`${sev.toUpperCase()} (${group.length})`));
    const rows: string[][] = [["level", "resource", "type", "policy", "message"]];
    if (locate) rows[0].splice(2, 0, "at");
    for (const { v, count } of groupRepeated(group)) {
      const cells = row(v, p, count);
      if (locate) {
        const at = locate(v.urn);
        cells.splice(2, 0, at ? escapeControl(`${at.file}:${at.line}`) : "-");
      }
      rows.push(cells);
    }
    const lines = table(rows);
    out.push(`  ${p.dim(lines[0])}`, ...lines.slice(1).map((l) => `  ${l}`), "");
  }
  if (report.exemptions.length > 0) {
    out.push(p.bold(`EXEMPTED (${report.exemptions.length})`));
    const rows = [["policy", "resource", "ticket", "owner", "until", "reason"]];
    for (const e of report.exemptions) {
      rows.push(
        [e.policy, e.urn.split("::").slice(3).join("::"), e.ticket, e.owner, e.expires, e.reason].map(
          oneLine,
        ),
      );
    }
    const lines = table(rows);
    out.push(`  ${p.dim(lines[0])}`, ...lines.slice(1).map((l) => `  ${l}`));
    out.push("");
  }
  const s = report.summary;
  const verdict = s.passed ? p.green("PASS") : p.red("FAIL");
  out.push(
    `${verdict}: ${plural(s.mandatory, "mandatory violation")}, ${plural(s.advisory, "advisory", "advisories")}, ` +
      `${plural(s.exemptions, "exemption")} used; ${plural(s.resources, "resource")} checked against ` +
      `${plural(s.policies, "policy", "policies")}.`,
  );
  return out.join("\n") + "\n";
}

/**
 * The violations of one severity with repeats folded: one entry per policy,
 * resource and level, in the order of its first finding, with how many there are.
 */
export function groupRepeated(group: readonly Violation[]): { v: Violation; count: number }[] {
  const byKey = new Map<string, { v: Violation; count: number }>();
  for (const v of group) {
    const key = JSON.stringify([v.policy, v.urn, v.level]);
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { v, count: 1 });
  }
  return [...byKey.values()];
}

function row(v: Violation, p: Palette, count = 1): string[] {
  const level = v.level === "mandatory" ? p.red("mandatory") : p.yellow("advisory");
  const message =
    count > 1
      ? `×${count} ${v.message} (and ${count - 1} more like it: --format json lists each)`
      : v.message;
  return [level, ...[v.resourceName, v.resourceType, v.policy, message].map(oneLine)];
}
