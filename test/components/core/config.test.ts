import { DEV_GOVERNANCE, setConfig, useMocks } from "../../helpers/pulumi";
useMocks({ config: DEV_GOVERNANCE });
import { Problems } from "../../../components/core/errors";
import {
  changeTicketPatternFromConfig,
  governanceFromConfig,
  resolveGovernance,
} from "../../../components/core/config";

afterEach(() => setConfig(DEV_GOVERNANCE));

test("governance comes from paved:* stack config", () => {
  expect(governanceFromConfig()).toEqual({
    appId: "payments-api",
    owner: "team-payments",
    costCenter: "cc-1234",
    dataClassification: "confidential",
    environment: "dev",
  });
});

test("fields passed as args override config field by field", () => {
  const problems = new Problems("X", "x");
  const g = resolveGovernance(problems, { owner: "team-other", appId: undefined });
  expect(g.owner).toBe("team-other");
  expect(g.appId).toBe("payments-api");
  expect(problems.count).toBe(0);
});

test("problems go into the component's collector, using the configured ticket format", () => {
  setConfig({
    ...DEV_GOVERNANCE,
    "paved:environment": "prod",
    "paved:changeTicketPattern": "^OPS-\\d+$",
    "paved:changeTicket": "CHG-1",
  });
  const problems = new Problems("SegmentedNetwork", "core");
  resolveGovernance(problems, undefined);
  expect(changeTicketPatternFromConfig()).toBe("^OPS-\\d+$");
  expect(problems.all.map((p) => p.code)).toEqual(["PAVED_CHANGE_TICKET_FORMAT"]);
  expect(() => problems.throwIfAny()).toThrow(
    'SegmentedNetwork "core": governance.changeTicket "CHG-1" does not match ^OPS-\\d+$',
  );
});

test("missing config is reported per key", () => {
  setConfig({});
  const problems = new Problems("X", "x");
  resolveGovernance(problems, undefined, { asLabels: true });
  expect(problems.all.map((p) => p.arg)).toEqual([
    "governance.appId",
    "governance.owner",
    "governance.costCenter",
    "governance.dataClassification",
    "governance.environment",
  ]);
});
