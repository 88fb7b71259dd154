import type { FieldMappingEntry, JiraMapping } from "../../../common/contracts/jira-mapping.ts";
import type { RichText } from "../client/types.ts";
import type { SyncCustomField } from "./field-kinds.ts";

/** Markdown ↔ Jira rich text, provided by integrations/jira/formats (injected to keep this pure). */
export type RichTextCodec = {
  toMarkdown(value: RichText): string;
  /** With `previous` (Jira's current value), Jira-only content of unchanged blocks is kept. */
  fromMarkdown(markdown: string, previous?: RichText | null): RichText;
  /** A canonical form: two texts that mean the same normalise to the same string. */
  normalise(markdown: string): string;
};

/** What turning values into the other side's form needs, besides the mapping itself. */
export type MappingContext = {
  mapping: JiraMapping;
  /** Tether member → Jira user id: manual entries first, then a unique email match; null when none. */
  jiraUserFor(userId: string): string | null;
  /** Jira user id → Tether member; null when none. */
  memberForJiraUser(jiraUserId: string): string | null;
  /** How to name a Jira user in a reason: "Display Name (id)" when the run has seen them, else the id. */
  jiraUserLabel?(jiraUserId: string): string;
  richText: RichTextCodec;
  /** The workspace's custom-field definitions, for mapped `cf.<key>` fields. */
  customFields?: readonly SyncCustomField[];
};

/** The fields that take part in sync (direction other than off), in mapping order. */
export const activeFields = (mapping: JiraMapping): FieldMappingEntry[] => mapping.fields.filter((entry) => entry.direction !== "off");

/** The Jira field ids a sync read needs (one GET with just these). */
export function jiraFieldsToRead(mapping: JiraMapping): string[] {
  return [...new Set(["updated", "project", "issuetype", ...activeFields(mapping).map((entry) => entry.jiraField)])];
}

/** Among several map entries for one Jira value, the preferred one, else the first. */
export function preferredEntry<T extends { preferred: boolean }>(entries: readonly T[]): T | undefined {
  return entries.find((entry) => entry.preferred) ?? entries[0];
}
