/**
 * CloudTrail trails record every region and all management events, read and
 * write. A single-region trail misses activity in the regions nobody watches;
 * event selectors that drop management events (or keep only reads or only
 * writes) miss the API calls an audit needs.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { asList, asRecord, asString, asStrings, isTrue } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { CLOUDTRAIL_TRAIL } from "./cloudtrail-encrypted";

interface Coverage {
  read: boolean;
  write: boolean;
}

/** Which management events classic `eventSelectors` record (the default, with none, is all). */
function classicCoverage(selectors: unknown[]): Coverage {
  const c: Coverage = { read: false, write: false };
  for (const s of selectors.map(asRecord)) {
    if (!s) continue;
    const included = s.includeManagementEvents;
    if (included === false || (typeof included === "string" && included.toLowerCase() === "false")) continue;
    const rw = (asString(s.readWriteType) ?? "All").toLowerCase();
    if (rw === "all" || rw === "readonly") c.read = true;
    if (rw === "all" || rw === "writeonly") c.write = true;
  }
  return c;
}

/** Which management events `advancedEventSelectors` record: eventCategory = Management, split by readOnly. */
function advancedCoverage(selectors: unknown[]): Coverage {
  const c: Coverage = { read: false, write: false };
  for (const s of selectors.map(asRecord)) {
    const fields = asList(s?.fieldSelectors)
      .map(asRecord)
      .filter((f): f is Record<string, unknown> => f !== undefined);
    const category = fields.find((f) => asString(f.field) === "eventCategory");
    if (!category || !asStrings(category.equals).includes("Management")) continue;
    const readOnly = fields.find((f) => asString(f.field) === "readOnly");
    const equals = readOnly ? asStrings(readOnly.equals).map((v) => v.toLowerCase()) : [];
    if (!readOnly || equals.includes("true")) c.read = true;
    if (!readOnly || equals.includes("false")) c.write = true;
  }
  return c;
}

function missing(c: Coverage): string | undefined {
  if (c.read && c.write) return undefined;
  if (!c.read && !c.write) return "no management events";
  return c.read ? "only read management events" : "only write management events";
}

export const cloudtrailMultiRegion = defineResourcePolicy({
  name: "aws-cloudtrail-multi-region",
  description: "CloudTrail trails are multi-region and record all read and write management events.",
  category: "governance",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `isMultiRegionTrail: true` on the trail.",
    'Record all management events: leave `eventSelectors` unset, or include one with `includeManagementEvents: true` and `readWriteType: "All"` (with advanced selectors, one with `eventCategory` equals `["Management"]` and no `readOnly` field).',
  ],
  frameworks: [cisAws("3.1"), awsFsbp("CloudTrail.1")],
  types: [CLOUDTRAIL_TRAIL],
  check(r) {
    const findings: Finding[] = [];
    const multi = r.props.isMultiRegionTrail;
    if (!isTrue(multi)) {
      findings.push({
        message:
          multi === undefined
            ? "isMultiRegionTrail is unset, so the trail records only its own region; set isMultiRegionTrail: true"
            : `isMultiRegionTrail is ${JSON.stringify(multi)}, so the trail records only its own region; set it to true`,
      });
    }
    const advanced = asList(r.props.advancedEventSelectors);
    const classic = asList(r.props.eventSelectors);
    const gap =
      advanced.length > 0
        ? missing(advancedCoverage(advanced))
        : classic.length > 0
          ? missing(classicCoverage(classic))
          : undefined;
    if (gap !== undefined) {
      const which = advanced.length > 0 ? "advancedEventSelectors" : "eventSelectors";
      findings.push({
        message: `${which} record ${gap}; add a selector for all management events (read and write)`,
      });
    }
    return findings;
  },
});
