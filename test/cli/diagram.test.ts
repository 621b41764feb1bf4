/** `paved diagram` and `paved register`, end to end, on a program with a VPC and a NamespaceBaseline. */
import { paved, program } from "./run-cli";

describe("paved diagram", () => {
  test("Mermaid: the VPC, its tiers and the subnets per AZ", async () => {
    const r = await paved(["diagram", program("topology")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "flowchart LR",
        '  subgraph net_0_edge["edge (10.20.0.0/16)"]',
        "    direction TB",
        '    subgraph tier_0_public["tier public"]',
        "      direction LR",
        '      subnet_0_edge_public_a["eu-west-1a<br/>10.20.0.0/24"]',
        '      subnet_0_edge_public_b["eu-west-1b<br/>10.20.1.0/24"]',
        "    end",
        '    subgraph tier_0_app["tier app"]',
        "      direction LR",
        '      subnet_0_edge_app_a["eu-west-1a<br/>10.20.16.0/20"]',
        '      subnet_0_edge_app_b["eu-west-1b<br/>10.20.32.0/20"]',
        "    end",
        "  end",
        '  subgraph ns_0_payments["namespace payments (default deny: ingress, egress)"]',
        '    wl_0_db["db<br/>pods{app=db}"]',
        '    wl_0_pods_app_api_["pods{app=api}"]',
        '    all_0_payments["all pods in payments"]',
        "  end",
        '  wl_0_pods_app_api_ -->|"tcp 5432<br/>in-db-9e6b9211"| wl_0_db',
        '  peer_0_namespace_kube_system_pods_k8s_app_kube_dns_(("namespace=kube-system pods{k8s-app=kube-dns}"))',
        '  all_0_payments -.->|"udp 53, tcp 53<br/>dns-egress-udp, dns-egress-tcp"| peer_0_namespace_kube_system_pods_k8s_app_kube_dns_',
        "",
      ].join("\n"),
    );
  });

  test("SVG: a standalone document with a box per tier and per subnet", async () => {
    const r = await paved(["diagram", program("topology"), "--format", "svg"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(r.stdout.trimEnd().endsWith("</svg>")).toBe(true);
    expect(r.stdout).toContain(">tier public</text>");
    expect(r.stdout).toContain(">tier app</text>");
    expect(r.stdout.match(/>eu-west-1[ab]<\/text>/g)).toHaveLength(4);
    expect(r.stdout).toContain(">10.20.16.0/20</text>");
  });

  test("a program that throws exits 2", async () => {
    const r = await paved(["diagram", program("throws")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("paved: the program throws threw: database size must be set\n");
  });
});

describe("paved diagram on a SegmentedNetwork", () => {
  test("tiers with their routing and AZ names, and the declared flows with their ports", async () => {
    const r = await paved(["diagram", program("network")]);
    expect(r.code).toBe(0);
    const m = r.stdout;
    expect(m).toContain('    subgraph tier_0_public["tier public (via internet)"]');
    expect(m).toContain('    subgraph tier_0_data["tier data (no route out)"]');
    expect(m).toContain('      subnet_0_core_app_b["eu-west-1b<br/>10.30.80.0/20"]');
    expect(m.split("\n").filter((l) => l.includes("-->"))).toEqual([
      '  tier_0_app -->|"tcp 5432<br/>flow-040a493724"| tier_0_data',
      '  ext_0_internet -->|"tcp 80, 443<br/>flow-6de13c277a, flow-6d0a982d67"| tier_0_public',
      '  tier_0_public -->|"tcp 8080<br/>flow-1a1409a04f"| tier_0_app',
    ]);
  });

  test("its register lists the security-group and NACL rules of every declared flow", async () => {
    const r = await paved(["register", program("network"), "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\n").slice(1);
    expect(rows.every((l) => l.startsWith("SegmentedNetwork core,"))).toBe(true);
    expect(
      rows.some((l) =>
        /,security-group,ingress,allow,app,data,5432,tcp,the app reads orders,CHG-3001$/.test(l),
      ),
    ).toBe(true);
    expect(rows.some((l) => l.includes(",network-acl,"))).toBe(true);
  });
});

describe("paved register", () => {
  test("Markdown: the NamespaceBaseline's register, from its registered outputs", async () => {
    const r = await paved(["register", program("topology")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Firewall-rule register: NamespaceBaseline payments\n\n6 rules\.\n/);
    expect(r.stdout).toMatch(
      /\| in-db-[0-9a-f]+ \| network-policy \| ingress \| allow \| pods\{app=api\} \| workload db pods\{app=db\} \| 5432 \| tcp \| api reads orders \| CHG-101 \|/,
    );
  });

  test("CSV: a header, then one row per rule with the register it belongs to", async () => {
    const r = await paved(["register", program("topology"), "--format", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("register,id,kind,direction,action,from,to,ports,protocol,justification,ticket");
    expect(lines).toHaveLength(7);
    expect(lines.slice(1).every((l) => l.startsWith("NamespaceBaseline payments,"))).toBe(true);
  });

  test("a program with no register says so on stderr and exits 0", async () => {
    const r = await paved(["register", program("bad")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/no SegmentedNetwork or NamespaceBaseline/);
  });
});
