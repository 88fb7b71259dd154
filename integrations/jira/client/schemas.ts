import { z } from "zod";

/**
 * zod schemas for the Jira answers Tether reads. Lenient on purpose: unknown keys are ignored
 * (Jira adds fields all the time), ids may arrive as numbers or strings (Data Center), and only
 * what Tether uses is required.
 */

/** Jira ids are strings in the API docs but numbers in some Data Center answers. */
export const idSchema = z.union([z.string(), z.number()]).transform(String);
const optionalString = z.string().nullish().transform((v) => v ?? null);

export const errorCollectionSchema = z.object({
  errorMessages: z.array(z.string()).optional().catch(undefined),
  errors: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

export const serverInfoSchema = z.object({
  baseUrl: z.string(),
  version: z.string(),
  versionNumbers: z.array(z.number()).optional(),
  deploymentType: optionalString,
  serverTitle: optionalString,
  serverTime: optionalString,
});

/** Cloud users carry accountId; Data Center users name/key. Either may lack email. */
export const userSchema = z.object({
  accountId: z.string().optional(),
  name: z.string().optional(),
  key: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: optionalString,
  active: z.boolean().optional(),
});
export type UserWire = z.infer<typeof userSchema>;

export const permissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() })),
});

export const issueTypeSchema = z.object({
  id: idSchema,
  name: z.string(),
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
  iconUrl: z.string().optional(),
});
export type IssueTypeWire = z.infer<typeof issueTypeSchema>;

export const projectSchema = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  projectTypeKey: optionalString,
  issueTypes: z.array(issueTypeSchema).optional(),
  /** Cloud: true for a team-managed (next-gen) project. */
  simplified: z.boolean().optional(),
  style: z.string().optional(),
});

/** Cloud's paged lists (`PageBean…`): `isLast` may be missing on old endpoints. */
export function offsetPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    values: z.array(item),
    startAt: z.number().optional(),
    maxResults: z.number().optional(),
    total: z.number().optional(),
    isLast: z.boolean().optional(),
  });
}

export const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  clauseNames: z.array(z.string()).optional(),
  schema: z
    .object({
      type: z.string(),
      custom: z.string().optional(),
      customId: z.number().optional(),
      items: z.string().optional(),
      system: z.string().optional(),
    })
    .optional(),
  /** Cloud: a team-managed project's own field names its project. */
  scope: z.object({ type: z.string().optional(), project: z.object({ id: idSchema }).optional() }).optional(),
});

export type FieldWire = z.infer<typeof fieldSchema>;

export const prioritySchema = z.object({ id: idSchema, name: z.string() });

export const statusSchema = z.object({
  id: idSchema,
  name: z.string(),
  statusCategory: z.object({ key: z.string() }).optional(),
});
export type StatusWire = z.infer<typeof statusSchema>;

export const projectStatusesSchema = z.array(
  z.object({ id: idSchema, name: z.string(), statuses: z.array(statusSchema) }),
);

export const transitionsSchema = z.object({
  transitions: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      to: statusSchema,
      hasScreen: z.boolean().optional(),
      fields: z
        .record(
          z.string(),
          z.object({
            required: z.boolean(),
            name: z.string().optional(),
            schema: z.object({ type: z.string() }).optional(),
            allowedValues: z.array(z.unknown()).optional(),
          }),
        )
        .optional(),
    }),
  ),
});

export const createdIssueSchema = z.object({ id: idSchema, key: z.string() });

export const createdIssuesSchema = z.object({
  issues: z.array(createdIssueSchema),
  errors: z
    .array(
      z.object({
        status: z.number().optional(),
        failedElementNumber: z.number().optional(),
        elementErrors: errorCollectionSchema.optional(),
      }),
    )
    .optional(),
});

const changelogSchema = z.object({
  histories: z.array(
    z.object({
      id: idSchema,
      created: z.string(),
      author: userSchema.nullish(),
      items: z.array(
        // An item without `toString` (a cleared field: Jira leaves absent values out) must not be read
        // as Object.prototype.toString: parse a prototype-less copy.
        z.preprocess(
          (item) => (item !== null && typeof item === "object" ? Object.assign(Object.create(null) as object, item) : item),
          z.object({
            field: z.string(),
            fieldId: optionalString,
            from: z.union([z.string(), z.number()]).nullish(),
            fromString: optionalString,
            to: z.union([z.string(), z.number()]).nullish(),
            toString: optionalString,
          }),
        ),
      ),
    }),
  ),
});

/** Issue `fields` stay loose (custom fields are read by id); the core ones are checked when present. */
export const issueFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  description: z.unknown().optional(),
  issuetype: issueTypeSchema.nullish(),
  status: statusSchema.nullish(),
  assignee: userSchema.nullish(),
  project: z.object({ key: z.string() }).nullish(),
  parent: z.object({ key: z.string() }).nullish(),
  created: z.string().nullish(),
  updated: z.string().nullish(),
});

export const issueSchema = z.object({
  id: idSchema,
  key: z.string(),
  fields: issueFieldsSchema.optional(),
  changelog: changelogSchema.optional(),
});
export type IssueWire = z.infer<typeof issueSchema>;

/** Cloud `POST /rest/api/3/search/jql`: token paging, no total. */
export const tokenSearchSchema = z.object({
  issues: z.array(issueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** Data Center `POST /rest/api/2/search`: offset paging with a total. */
export const offsetSearchSchema = z.object({
  issues: z.array(issueSchema),
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
});

export const bulkFetchSchema = z.object({
  issues: z.array(issueSchema),
  issueErrors: z.array(z.unknown()).optional(),
});

export const issueLinkTypesSchema = z.object({
  issueLinkTypes: z.array(z.object({ id: idSchema, name: z.string(), inward: z.string(), outward: z.string() })),
});

const linkedIssueSchema = z.object({ id: idSchema, key: z.string() });
/** `GET /issue/{key}?fields=issuelinks`: the links as seen from that issue. */
export const issueLinksSchema = z.object({
  id: idSchema,
  key: z.string(),
  fields: z.object({
    issuelinks: z
      .array(z.object({ id: idSchema, type: z.object({ name: z.string() }), inwardIssue: linkedIssueSchema.optional(), outwardIssue: linkedIssueSchema.optional() }))
      .optional(),
  }),
});

export const boardSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  location: z.object({ projectKey: z.string().optional() }).optional(),
});

export const sprintSchema = z.object({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  startDate: optionalString,
  endDate: optionalString,
  originBoardId: z.number().nullish(),
  goal: optionalString,
});

/** `/rest/webhooks/1.0/webhook` (Cloud, Data Center ≤ 9): the id is the last segment of `self`. */
export const adminWebhookSchema = z.object({
  self: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()).catch([]),
  filters: z.record(z.string(), z.string()).optional().catch(undefined),
  enabled: z.boolean().optional(),
});

/** `/rest/jira-webhook/1.0/webhooks` (Data Center 10+). `configuration` values are strings. */
export const dcWebhookSchema = z.object({
  id: idSchema,
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()).catch([]),
  configuration: z.record(z.string(), z.unknown()).optional().catch(undefined),
  active: z.union([z.boolean(), z.string()]).optional(),
});

export const tenantInfoSchema = z.object({ cloudId: z.string().min(1) });

/** Answers with no body we need (204, or a body we ignore). */
export const ignoredBodySchema = z.unknown();
