import {
  FirewallRule,
  renderRegisterCsv,
  renderRegisterMarkdown,
  sortRules,
} from "../../../components/core/register";

const rule = (over: Partial<FirewallRule>): FirewallRule => ({
  id: "r1",
  kind: "security-group",
  direction: "ingress",
  action: "allow",
  from: "internet",
  to: "public",
  ports: "443",
  protocol: "tcp",
  justification: "HTTPS from users",
  ticket: "CHG-1",
  ...over,
});

test("Markdown register lists every rule in reviewer order and escapes pipes", () => {
  const md = renderRegisterMarkdown("core", [
    rule({ id: "b", kind: "network-acl", ruleNumber: 200 }),
    rule({ id: "a", justification: "a | b" }),
    rule({ id: "c", kind: "network-acl", ruleNumber: 100 }),
  ]);
  const rows = md
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| id") && !l.startsWith("| ---"));
  expect(rows.map((r) => r.split(" | ")[0])).toEqual(["| c", "| b", "| a"]);
  expect(md).toContain("a \\| b");
  expect(md).toContain("## Firewall-rule register: core");
  expect(md).toContain("3 rules.");
});

test("CSV register quotes cells that need it and names each register", () => {
  const csv = renderRegisterCsv([{ title: "core", rules: [rule({ justification: 'say "hi", then go' })] }]);
  expect(csv.split("\n")[0]).toBe(
    "register,id,kind,direction,action,from,to,ports,protocol,justification,ticket",
  );
  expect(csv.split("\n")[1]).toBe(
    'core,r1,security-group,ingress,allow,internet,public,443,tcp,"say ""hi"", then go",CHG-1',
  );
});

test("sortRules does not mutate its input", () => {
  const input = [rule({ id: "z" }), rule({ id: "a" })];
  expect(sortRules(input).map((r) => r.id)).toEqual(["a", "z"]);
  expect(input.map((r) => r.id)).toEqual(["z", "a"]);
});
