import { z } from "zod";
import type { SimStore } from "../model/store.ts";
import type { AdfDoc, ApiVersion, RichText, SimUser } from "../model/types.ts";
import { textToAdf } from "../render/adf.ts";

/** Collects per-field errors the way Jira reports them: `errors[fieldId] = message`. */
export class FieldErrors {
  readonly errors: Record<string, string> = {};
  add(fieldId: string, message: string): void {
    if (!(fieldId in this.errors)) this.errors[fieldId] = message;
  }
  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

const cloudUserRef = z.union([z.object({ accountId: z.string() }), z.object({ id: z.string() })]).nullable();
const dcUserRef = z.union([z.object({ name: z.string() }), z.object({ key: z.string() })]).nullable();
const adfDoc = z.object({ type: z.literal("doc"), version: z.literal(1), content: z.array(z.looseObject({ type: z.string() })) }).loose();

export function parseLabels(raw: unknown, errors: FieldErrors): string[] | undefined {
  const labels = z.array(z.string()).safeParse(raw);
  if (!labels.success) {
    errors.add("labels", "Labels must be an array of strings.");
    return undefined;
  }
  const invalid = labels.data.find((label) => /\s/.test(label) || label.length === 0);
  if (invalid !== undefined) {
    errors.add("labels", `The label '${invalid}' contains spaces which is invalid.`);
    return undefined;
  }
  return labels.data;
}

/** v3 takes ADF only; v2 takes a string (wiki markup). Storage follows the flavor. */
export function parseRichText(version: ApiVersion, raw: unknown, fieldId: string, errors: FieldErrors): RichText | undefined {
  if (version === 3) {
    const doc = adfDoc.safeParse(raw);
    if (!doc.success) {
      errors.add(fieldId, "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
      return undefined;
    }
    return { kind: "adf", doc: doc.data as AdfDoc };
  }
  if (typeof raw !== "string") {
    errors.add(fieldId, "Operation value must be a string");
    return undefined;
  }
  return { kind: "wiki", text: raw };
}

/** Resolve a v3 ADF or v2 string into the flavor's storage form. */
export function storedRichText(store: SimStore, text: RichText): RichText {
  if (store.flavor === "cloud") return text.kind === "adf" ? text : { kind: "adf", doc: textToAdf(text.text) };
  return text;
}

/** `undefined` = invalid (error recorded), `null` = unassign. */
export function parseUserRef(store: SimStore, raw: unknown, fieldId: string, errors: FieldErrors): SimUser | null | undefined {
  if (store.flavor === "cloud") {
    const ref = cloudUserRef.safeParse(raw);
    if (!ref.success) {
      errors.add(fieldId, `Specify a valid 'id' or 'accountId' for ${fieldId === "assignee" ? "Assignee" : "Reporter"}`);
      return undefined;
    }
    if (ref.data === null) return null;
    const accountId = "accountId" in ref.data ? ref.data.accountId : ref.data.id;
    if (accountId === "-1") return null;
    const user = store.userByAccountId(accountId);
    if (!user) errors.add(fieldId, `Specified user does not exist or you do not have required permissions`);
    return user;
  }
  const ref = dcUserRef.safeParse(raw);
  if (!ref.success) {
    errors.add(fieldId, `Specify a valid 'name' or 'key' for ${fieldId === "assignee" ? "Assignee" : "Reporter"}`);
    return undefined;
  }
  if (ref.data === null) return null;
  const user = "name" in ref.data ? store.userByName(ref.data.name) : store.userByKey(ref.data.key);
  if (!user) errors.add(fieldId, `User '${"name" in ref.data ? ref.data.name : ref.data.key}' does not exist.`);
  return user;
}
