/**
 * The firewall-rule diff (`paved register --diff <base>`): containment of
 * ports, CIDRs and pod selectors; the pairing of rules whose content-hash id
 * changed; the two-version diff of test/cli/fixtures/ci/{base,head} (saved as
 * registers) in Markdown, text and JSON; the Mermaid marks; and the command
 * end to end with each kind of base (saved register, directory, git ref) and
 * --require-ticket.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { FirewallRule } from "../../components/core/register";
import { parseSavedRegister } from "../../cli/register-base";
import {
  diffRegisters,
  endCovers,
  hasTicket,
  parsePorts,
  ruleCovers,
  type RegisterDiff,
} from "../../cli/register-diff";
import {
  diagramEnd,
  markedMermaid,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
} from "../../cli/register-diff-render";
import type { Topology } from "../../cli/diagram/topology";
import { paved, ROOT } from "./run-cli";

const CI = path.join(__dirname, "fixtures", "ci");
const rel = (p: string) => path.relative(ROOT, p);

function rule(over: Partial<FirewallRule> = {}): FirewallRule {
  return {
    id: "sg-app-in-1",
    kind: "security-group",
    direction: "ingress",
    action: "allow",
    from: "public",
    to: "app",
    ports: "8080",
    protocol: "tcp",
    justification: "the balancer forwards to the app",
    ticket: "CHG-1",
    ...over,
  };
}

const one = (base: FirewallRule[], head: FirewallRule[]) =>
  diffRegisters([{ title: "T", rules: base }], [{ title: "T", rules: head }], { base: "b", head: "h" });

describe("containment", () => {
  test.each([
    ["8080", [[8080, 8080]]],
    ["8000-8080", [[8000, 8080]]],
    [
      "80,443",
      [
        [80, 80],
        [443, 443],
      ],
    ],
    ["all", [[0, 65535]]],
    ["icmp-echo", undefined],
    ["90-80", undefined],
  ])("ports %s", (text, ranges) => {
    expect(parsePorts(text)).toEqual(ranges);
  });

  test.each([
    // [outer, inner, covers]
    ["10.0.0.0/8", "10.1.0.0/16", true],
    ["10.1.0.0/16", "10.0.0.0/8", false],
    ["internet 0.0.0.0/0", "app 10.20.64.0/18", true],
    ["internet 0.0.0.0/0", "app", true],
    ["any", "namespace=x pods{a=b}", true],
    ["public 10.20.0.0/22", "public 10.20.0.0/24", true],
    ["10.0.0.0/8 except 10.1.0.0/16", "10.2.0.0/16", true],
    ["10.0.0.0/8 except 10.1.0.0/16", "10.0.0.0/12", false],
    ["10.0.0.0/8 except 10.1.0.0/16", "10.0.0.0/12 except 10.1.0.0/16", true],
    ["10.0.0.0/8", "10.0.0.0/8 except 10.1.0.0/16", true],
    ["2001:db8::/32", "2001:db8:1::/48", true],
    ["2001:db8::/32", "10.0.0.0/8", false],
    ["app", "data", false],
    ["s3 prefix list (0.0.0.0/0)", "s3 prefix list (0.0.0.0/0)", true],
    ["pods{app=web}", "pods{app=web,tier=fe}", true],
    ["pods{app=web,tier=fe}", "pods{app=web}", false],
    ["all pods", "workload api pods{app=api}", true],
    ["namespace=monitoring", "namespace=monitoring pods{app=prometheus}", true],
    ["namespace=monitoring pods{app=prometheus}", "namespace=monitoring", false],
    ["namespace=a pods{x=1}", "namespace=b pods{x=1}", false],
    ["namespace=a pods{}", "namespace=a pods{x=1}", true],
  ])("%s covers %s: %s", (outer, inner, covers) => {
    expect(endCovers(outer, inner)).toBe(covers);
  });

  test("a rule covers another when protocol, ports and both ends do", () => {
    expect(ruleCovers(rule({ ports: "8000-8090" }), rule())).toBe(true);
    expect(ruleCovers(rule({ protocol: "all", ports: "all" }), rule())).toBe(true);
    expect(ruleCovers(rule(), rule({ protocol: "udp" }))).toBe(false);
    expect(ruleCovers(rule({ ports: "80,8080" }), rule({ ports: "8080" }))).toBe(true);
  });

  test.each([
    ["CHG-1", true],
    ["", false],
    ["  ", false],
    ["none", false],
    ["N/A", false],
    ["-", false],
    ["generated", true],
  ])("ticket %j present: %s", (t, present) => {
    expect(hasTicket(t)).toBe(present);
  });
});

describe("classification", () => {
  test("a port range grown under a new id is widened, not removed and added", () => {
    const d = one([rule()], [rule({ id: "sg-app-in-2", ports: "8080-8090", ticket: "CHG-2" })]);
    expect(d.changes.map((c) => c.change)).toEqual(["widened"]);
    expect(d.changes[0].details).toEqual([
      "id sg-app-in-1 -> sg-app-in-2",
      "ports 8080 -> 8080-8090",
      "ticket CHG-1 -> CHG-2",
    ]);
    expect(d.changes[0].grants).toBe(true);
  });

  test("a source CIDR grown is widened; shrunk is narrowed; moved is replaced", () => {
    const base = rule({ from: "10.50.0.0/24" });
    expect(one([base], [rule({ id: "x", from: "10.50.0.0/16" })]).changes[0].change).toBe("widened");
    expect(one([base], [rule({ id: "x", from: "10.50.0.0/28" })]).changes[0].change).toBe("narrowed");
    expect(one([rule()], [rule({ id: "x", ports: "9090" })]).changes[0].change).toBe("replaced");
  });

  test("the same traffic with another justification is relabelled; identical is unchanged", () => {
    expect(one([rule()], [rule({ justification: "new words" })]).changes[0].change).toBe("relabelled");
    const same = one([rule()], [rule()]);
    expect(same.changes).toEqual([]);
    expect(same.summary.unchanged).toBe(1);
  });

  test("rules of different ends, kinds or directions are added and removed, not paired", () => {
    const d = one(
      [rule({ to: "data", ports: "6379" })],
      [rule({ id: "n", to: "internet 0.0.0.0/0", ports: "443" }), rule({ id: "e", direction: "egress" })],
    );
    expect(d.changes.map((c) => c.change).sort()).toEqual(["added", "added", "removed"]);
  });

  test("a removed deny grants access; an added deny does not", () => {
    const deny = rule({ id: "deny", action: "deny", from: "any", ports: "all", protocol: "all" });
    expect(one([deny], []).changes[0].grants).toBe(true);
    expect(one([], [deny]).changes[0].grants).toBe(false);
  });

  test("a new or widened allow rule without a ticket is flagged; a narrowed one is not", () => {
    expect(one([], [rule({ ticket: "" })]).summary.missingTickets).toBe(1);
    expect(
      one([rule()], [rule({ id: "x", ports: "8080-8081", ticket: "none" })]).summary.missingTickets,
    ).toBe(1);
    expect(one([rule({ ports: "8080-8081" })], [rule({ id: "x", ticket: "" })]).summary.missingTickets).toBe(
      0,
    );
  });
});

describe("the two-version diff of fixtures/ci (saved registers)", () => {
  const read = (f: string) => parseSavedRegister(fs.readFileSync(path.join(CI, f), "utf8"), f);
  const diff = diffRegisters(read("register-base.json"), read("register-head.json"), {
    base: "base",
    head: "head",
  });
  const find = (register: string, change: string, kind: string, id: string) =>
    diff.changes.find(
      (c) => c.register === register && c.change === change && c.after?.kind === kind && c.after.id === id,
    );

  test("counts", () => {
    expect(diff.summary.counts).toEqual({
      added: 8,
      widened: 8,
      replaced: 0,
      narrowed: 0,
      relabelled: 4,
      removed: 4,
    });
    expect(diff.summary.unchanged).toBe(21);
    expect(diff.summary.missingTickets).toBe(0);
  });

  test("the security-group changes: two widened, one added, the cache flow removed (both sides)", () => {
    const sg = diff.changes.filter((c) => (c.after ?? c.before)?.kind === "security-group");
    expect(sg.map((c) => [c.change, c.before?.id, c.after?.id])).toEqual([
      ["added", undefined, "sg-app-out-ccc16d6d"],
      ["widened", "sg-public-out-26a95394", "sg-public-out-321ee426"],
      ["widened", "sg-app-in-a79dac93", "sg-app-in-20f8bff2"],
      ["widened", "sg-app-in-36c71996", "sg-app-in-273855d6"],
      ["removed", "sg-app-out-e0fc8d2c", undefined],
      ["removed", "sg-data-in-bf5294c3", undefined],
    ]);
    const source = find("SegmentedNetwork core", "widened", "security-group", "sg-app-in-20f8bff2");
    expect(source?.details).toContain("from 10.50.0.0/24 -> 10.50.0.0/16");
    expect(source?.after?.ticket).toBe("CHG-3011");
  });

  test("the Kubernetes flows: Prometheus added, the database range widened", () => {
    const k8s = diff.changes.filter((c) => c.register === "NamespaceBaseline team");
    expect(k8s.map((c) => c.change)).toEqual(["added", "widened"]);
    expect(k8s[0].after?.from).toBe("namespace=monitoring pods{app=prometheus}");
    expect(k8s[1].details).toContain("to 10.20.32.0/20 -> 10.20.0.0/16");
  });

  test("Markdown: snapshot, and one table per register with the widened fields shown old -> new", () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toMatchSnapshot();
    expect(md).toContain(
      "`base` → `head`: 24 changes: 8 added, 8 widened, 4 relabelled, 4 removed; 21 rules unchanged.",
    );
    expect(md.split("\n").filter((l) => l.startsWith("### "))).toEqual([
      "### NamespaceBaseline team",
      "### SegmentedNetwork core",
    ]);
    expect(md).toContain(
      "| **widened** | sg-app-in-36c71996 → **sg-app-in-273855d6** | ingress allow (security-group) | public | app | 8080 → **8080-8090** | tcp | the balancer forwards to the app | CHG-3001 → **CHG-3010** |",
    );
    expect(md.split("\n").filter((l) => l.startsWith("| **")).length).toBe(diff.changes.length);
  });

  test("text: snapshot; JSON: the diff as data", () => {
    expect(renderDiffText(diff)).toMatchSnapshot();
    const json = JSON.parse(renderDiffJson(diff)) as RegisterDiff & { kind: string };
    expect(json.kind).toBe("register-diff");
    expect(json.changes).toHaveLength(24);
    expect(json.summary.counts.widened).toBe(8);
  });
});

describe("Mermaid with the changed flows marked", () => {
  const topology: Topology = {
    networks: [
      {
        name: "core",
        tiers: [],
        flows: [
          { from: "public", to: "app", label: "tcp 8080-8090", ids: ["flow-1"] },
          { from: "app", to: "data", label: "tcp 5432", ids: ["flow-2"] },
        ],
      },
    ],
    namespaces: [
      {
        name: "team",
        namespace: "orders",
        workloads: [],
        flows: [{ from: "x", to: "api", label: "tcp 9090", ids: ["in-api-9"] }],
        defaultDeny: {},
      },
    ],
  };
  const diff = diffRegisters(
    [
      { title: "SegmentedNetwork core", rules: [rule(), rule({ id: "c", to: "data", ports: "6379" })] },
      { title: "NamespaceBaseline team", rules: [] },
    ],
    [
      { title: "SegmentedNetwork core", rules: [rule({ id: "w", ports: "8080-8090" })] },
      { title: "NamespaceBaseline team", rules: [rule({ id: "in-api-9", kind: "network-policy" })] },
    ],
    { base: "b", head: "h" },
  );
  // A stand-in renderer: one edge line per flow, as cli/diagram/mermaid.ts writes them.
  const render = (t: Topology) =>
    [
      "flowchart LR",
      '  subgraph s["core"]',
      "  end",
      ...t.networks.flatMap((n) => n.flows.map((f) => `  ${f.from} -->|"${f.label}"| ${f.to}`)),
      ...(t.namespaces ?? []).flatMap((n) => n.flows.map((f) => `  ${f.from} -.->|"${f.label}"| ${f.to}`)),
    ].join("\n") + "\n";

  test("widened and added flows are labelled and styled, a removed flow is drawn dashed", () => {
    const out = markedMermaid(topology, diff, render);
    expect(out).toBe(
      [
        "flowchart LR",
        '  subgraph s["core"]',
        "  end",
        '  public -->|"widened: tcp 8080-8090"| app',
        '  app -->|"tcp 5432"| data',
        '  public -->|"removed: tcp 6379"| data',
        '  x -.->|"added: tcp 9090"| api',
        "  linkStyle 0 stroke:#1a7f37,stroke-width:3px",
        "  linkStyle 2 stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5",
        "  linkStyle 3 stroke:#1a7f37,stroke-width:3px",
        "",
      ].join("\n"),
    );
  });

  test("register ends read as the diagram names them", () => {
    expect(diagramEnd("internet 0.0.0.0/0")).toBe("internet");
    expect(diagramEnd("public 10.30.0.0/22")).toBe("public");
    expect(diagramEnd("10.50.0.0/16")).toBe("10.50.0.0/16");
    expect(diagramEnd("s3 prefix list (0.0.0.0/0)")).toBe("s3 prefix list (0.0.0.0/0)");
  });
});

describe("paved register --diff, end to end", () => {
  const head = rel(path.join(CI, "head"));

  test("against a second program directory, as JSON", async () => {
    const r = await paved(["register", head, "--diff", rel(path.join(CI, "base")), "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as RegisterDiff;
    const sg = d.changes.filter((c) => (c.after ?? c.before)?.kind === "security-group");
    expect(sg.map((c) => c.change)).toEqual(["added", "widened", "widened", "widened", "removed", "removed"]);
    expect(d.changes.filter((c) => c.register === "NamespaceBaseline team").map((c) => c.change)).toEqual([
      "added",
      "widened",
    ]);
  });

  test("against a git ref: the base checked out in a worktree, the head from the working tree", async () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "paved-diff-git-"));
    try {
      const app = path.join(repo, "infra");
      fs.mkdirSync(app);
      for (const f of ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"]) {
        fs.copyFileSync(path.join(CI, "base", f), path.join(app, f));
      }
      const git = (...args: string[]) =>
        execFileSync("git", ["-C", repo, ...args], {
          stdio: "pipe",
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: "t",
            GIT_AUTHOR_EMAIL: "t@example.com",
            GIT_COMMITTER_NAME: "t",
            GIT_COMMITTER_EMAIL: "t@example.com",
          },
        });
      git("init", "--quiet");
      git("add", ".");
      git("commit", "--quiet", "-m", "base");
      fs.copyFileSync(path.join(CI, "head", "index.ts"), path.join(app, "index.ts"));
      const r = await paved(["register", app, "--diff", "HEAD", "--format", "markdown"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^## Firewall-rule changes\n\n`HEAD \([0-9a-f]{12}\)` → `.*infra`: 24 changes: /,
      );
      expect(r.stdout).toContain("| **widened** | sg-app-in-a79dac93 → **sg-app-in-20f8bff2** |");
      // The topology, with the changed flows marked.
      expect(r.stdout).toContain("```mermaid\nflowchart LR");
      expect(r.stdout).toMatch(/-->\|"widened: tcp 8080-8090/);
      expect(r.stdout).toMatch(/-->\|"removed: tcp 6379/);
      expect(r.stdout).toMatch(/linkStyle \d+ stroke:#cf222e/);
      // The worktree is gone, and the working tree untouched.
      expect(
        execFileSync("git", ["-C", repo, "worktree", "list"]).toString().trim().split("\n"),
      ).toHaveLength(1);
      expect(execFileSync("git", ["-C", repo, "status", "--porcelain"]).toString()).toBe(
        " M infra/index.ts\n",
      );
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  test("against a saved register, --require-ticket fails (exit 1) on a new rule without a ticket", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-diff-json-"));
    try {
      const empty = path.join(dir, "register.json");
      fs.writeFileSync(empty, JSON.stringify({ registers: [] }));
      const program = rel(path.join(CI, "no-ticket"));
      const r = await paved(["register", program, "--diff", empty, "--require-ticket", "--format", "text"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("+ added      Firewall edge  fw-in-https");
      expect(r.stdout).toContain("MISSING TICKET");
      expect(r.stderr).toContain("1 new or widened rule(s) without a ticket (--require-ticket)");
      const lenient = await paved(["register", program, "--diff", empty, "--format", "text"]);
      expect(lenient.code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("usage errors: a base that is nothing, --require-ticket without --diff, a file that is no register", async () => {
    const nothing = await paved(["register", head, "--diff", "no-such-ref-or-file"]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/--diff no-such-ref-or-file: not a file, a directory or a commit of /);
    const lonely = await paved(["register", head, "--require-ticket"]);
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toContain("--require-ticket needs --diff <base>");
    expect(() => parseSavedRegister('{"rules": []}', "x.json")).toThrow(/not a saved register/);
    expect(() =>
      parseSavedRegister('{"registers": [{"title": "t", "rules": [{"id": "a"}]}]}', "x.json"),
    ).toThrow(/registers\[0\]\.rules\[0\] has no kind, direction/);
  });
});
