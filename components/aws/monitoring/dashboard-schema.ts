/**
 * A JSON Schema (draft-07) for the subset of the CloudWatch dashboard body
 * that Paved generates: metric, text and alarm widgets. Written from the
 * CloudWatch API Reference, "Dashboard body structure and syntax"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
 * - root: `widgets` (required), `start`, `end`, `periodOverride` (auto | inherit);
 * - widget: `type` (required), `x` 0..23, `y` >= 0, `width` 1..24, `height` 1..1000,
 *   `properties` (required);
 * - metric widget properties: `metrics`, `region` (required), `view`
 *   (timeSeries | singleValue | gauge | bar | pie), `stacked`, `period`
 *   (60 or a multiple), `title`, `yAxis`, `annotations.horizontal`;
 * - a metric line: `[Namespace, MetricName, (DimensionName, DimensionValue)*, {rendering}]`
 *   or `[{expression, label, id}]`;
 * - text widget: `markdown` (required), `background` (solid | transparent);
 * - alarm widget: `alarms` (ARNs, required, at most 100), `sortBy`, `title`.
 * Pure data: no Pulumi. The tests validate generated bodies against it with ajv.
 */

const metricOptions = {
  type: "object",
  properties: {
    id: { type: "string", pattern: "^[a-z][a-zA-Z0-9_]*$" },
    stat: { type: "string", pattern: "^(Average|Maximum|Minimum|Sum|SampleCount|p\\d{1,2}(\\.\\d+)?)$" },
    label: { type: "string" },
    visible: { type: "boolean" },
    period: { type: "integer", minimum: 1 },
  },
  additionalProperties: false,
} as const;

const expressionLine = {
  type: "array",
  minItems: 1,
  maxItems: 1,
  items: [
    {
      type: "object",
      required: ["expression", "id"],
      properties: {
        expression: { type: "string", minLength: 1, maxLength: 2048 },
        label: { type: "string" },
        id: { type: "string", pattern: "^[a-z][a-zA-Z0-9_]*$" },
        visible: { type: "boolean" },
      },
      additionalProperties: false,
    },
  ],
} as const;

const metricLine = {
  type: "array",
  minItems: 2,
  items: [
    { type: "string", minLength: 1 },
    { type: "string", minLength: 1 },
  ],
  additionalItems: { anyOf: [{ type: "string", minLength: 1 }, metricOptions] },
} as const;

/** The schema. */
export const DASHBOARD_BODY_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://paved.dev/schemas/cloudwatch-dashboard-body-subset.json",
  type: "object",
  required: ["widgets"],
  properties: {
    start: { type: "string" },
    end: { type: "string" },
    periodOverride: { enum: ["auto", "inherit"] },
    widgets: {
      type: "array",
      maxItems: 500,
      items: {
        type: "object",
        required: ["type", "x", "y", "width", "height", "properties"],
        properties: {
          type: { enum: ["metric", "text", "alarm"] },
          x: { type: "integer", minimum: 0, maximum: 23 },
          y: { type: "integer", minimum: 0 },
          width: { type: "integer", minimum: 1, maximum: 24 },
          height: { type: "integer", minimum: 1, maximum: 1000 },
          properties: { type: "object" },
        },
        additionalProperties: false,
        allOf: [
          {
            if: { properties: { type: { const: "metric" } } },
            then: {
              properties: {
                properties: {
                  type: "object",
                  required: ["metrics", "region"],
                  properties: {
                    metrics: { type: "array", minItems: 1, items: { anyOf: [metricLine, expressionLine] } },
                    region: { type: "string", pattern: "^[a-z]{2}(-[a-z]+)+-\\d$" },
                    view: { enum: ["timeSeries", "singleValue", "gauge", "bar", "pie"] },
                    stacked: { type: "boolean" },
                    period: { type: "integer", minimum: 60, multipleOf: 60 },
                    title: { type: "string" },
                    yAxis: { type: "object" },
                    annotations: {
                      type: "object",
                      properties: {
                        horizontal: {
                          type: "array",
                          items: {
                            type: "object",
                            required: ["value"],
                            properties: { value: { type: "number" }, label: { type: "string" } },
                          },
                        },
                      },
                    },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          {
            if: { properties: { type: { const: "text" } } },
            then: {
              properties: {
                properties: {
                  type: "object",
                  required: ["markdown"],
                  properties: {
                    markdown: { type: "string", minLength: 1 },
                    background: { enum: ["solid", "transparent"] },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          {
            if: { properties: { type: { const: "alarm" } } },
            then: {
              properties: {
                properties: {
                  type: "object",
                  required: ["alarms"],
                  properties: {
                    alarms: {
                      type: "array",
                      minItems: 1,
                      maxItems: 100,
                      items: { type: "string", pattern: "^arn:" },
                    },
                    sortBy: { enum: ["default", "stateUpdatedTimestamp"] },
                    title: { type: "string" },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
        ],
      },
    },
  },
  additionalProperties: false,
} as const;
