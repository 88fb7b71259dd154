import { z } from "zod";
import type { JiraHttp } from "./http.ts";
import type { ScreenField, ScreenFieldValue } from "./types.ts";

const idSchema = z.union([z.string(), z.number()]).transform(String);

/** One field as editmeta / createmeta describe it (Cloud names it `key`, Data Center `fieldId`). */
const screenFieldSchema = z.object({
  key: z.string().optional(),
  fieldId: z.string().optional(),
  name: z.string(),
  required: z.boolean(),
  schema: z.object({ type: z.string(), items: z.string().optional(), custom: z.string().optional(), system: z.string().optional() }).optional(),
  operations: z.array(z.string()).optional(),
  allowedValues: z.array(z.unknown()).optional(),
});
type ScreenFieldWire = z.infer<typeof screenFieldSchema>;

export const editMetaSchema = z.object({ fields: z.record(z.string(), screenFieldSchema) });

/** Cloud pages in `fields` (newer sites also in `results`), Data Center in `values` with `isLast`. */
export const createMetaPageSchema = z.object({
  startAt: z.number().int().optional(),
  total: z.number().int().optional(),
  isLast: z.boolean().optional(),
  fields: z.array(screenFieldSchema).optional(),
  results: z.array(screenFieldSchema).optional(),
  values: z.array(screenFieldSchema).optional(),
});

const allowedValueSchema = z.looseObject({ id: idSchema.optional(), name: z.string().optional(), value: z.string().optional(), key: z.string().optional() });

function toAllowedValue(raw: unknown): ScreenFieldValue | null {
  const parsed = allowedValueSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { id, name, value, key } = parsed.data;
  return { id: id ?? null, name: name ?? key ?? null, value: value ?? null };
}

function toScreenField(id: string, wire: ScreenFieldWire): ScreenField {
  return {
    id,
    name: wire.name,
    required: wire.required,
    schemaType: wire.schema?.type ?? null,
    schemaItems: wire.schema?.items ?? null,
    custom: wire.schema?.custom !== undefined,
    allowedValues: wire.allowedValues ? wire.allowedValues.flatMap((value) => toAllowedValue(value) ?? []) : null,
    operations: wire.operations ?? [],
  };
}

/** `GET /issue/{key}/editmeta`: the fields the caller may edit on this issue now. */
export async function editMeta(http: JiraHttp, api: string, issueKey: string): Promise<ScreenField[]> {
  const answer = await http.request({ method: "GET", path: `${api}/issue/${encodeURIComponent(issueKey)}/editmeta`, schema: editMetaSchema });
  return Object.entries(answer.fields).map(([id, wire]) => toScreenField(wire.key ?? wire.fieldId ?? id, wire));
}

const createMetaPageSize = 50;

/** `GET /issue/createmeta/{project}/issuetypes/{id}` (Cloud; Data Center 9+), every page. */
export async function createMeta(http: JiraHttp, api: string, projectKey: string, issueTypeId: string): Promise<ScreenField[]> {
  const path = `${api}/issue/createmeta/${encodeURIComponent(projectKey)}/issuetypes/${encodeURIComponent(issueTypeId)}`;
  const fields: ScreenField[] = [];
  for (let startAt = 0; ; ) {
    const page = await http.request({ method: "GET", path, query: { startAt, maxResults: createMetaPageSize }, schema: createMetaPageSchema });
    const items = page.fields ?? page.results ?? page.values ?? [];
    for (const wire of items) {
      const id = wire.fieldId ?? wire.key;
      if (id) fields.push(toScreenField(id, wire));
    }
    startAt += items.length;
    const done = page.isLast ?? (page.total === undefined ? items.length < createMetaPageSize : startAt >= page.total);
    if (done || items.length === 0) return fields;
  }
}
