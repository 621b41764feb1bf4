/** The OpenSearch and Elasticsearch domain types, and reading their nested option blocks. */
import { asList, asRecord } from "../../lib/props";

export const OPENSEARCH_DOMAIN = "aws:opensearch/domain:Domain";
export const ELASTICSEARCH_DOMAIN = "aws:elasticsearch/domain:Domain";
export const SEARCH_DOMAINS = [OPENSEARCH_DOMAIN, ELASTICSEARCH_DOMAIN] as const;

/** A nested block as an object, whether written as an object or a one-element list. */
export function block(v: unknown): Record<string, unknown> | undefined {
  return asRecord(v) ?? asRecord(asList(v)[0]);
}
