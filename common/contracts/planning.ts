import { z } from "zod";
import { safeDate, safeText } from "./safe-text.ts";

/** PI planning (BRIEF J, docs/adr/0012-planning.md): program increments, their board, cards and dependencies. */

const issueKey = z.string().trim().regex(/^[A-Z][A-Z0-9_]*-\d+$/, "an issue key such as TETH-12");
const points = z.number().min(0).max(100_000);

export const PlanningTeamInput = z.strictObject({ boardId: z.number().int().positive(), capacity: points });

export const CreatePiBody = z
  .strictObject({
    name: safeText().trim().min(1).max(200),
    startsOn: safeDate(),
    endsOn: safeDate(),
    jql: safeText().trim().max(2000).nullable().optional(),
    wsjfFieldId: z.string().regex(/^customfield_\d+$/).nullable().optional(),
    useCaseIds: z.array(z.uuid()).max(500).default([]),
    teams: z.array(PlanningTeamInput).min(1).max(50),
  })
  .refine((body) => body.endsOn >= body.startsOn, { message: "endsOn must not be before startsOn", path: ["endsOn"] });
export type CreatePiBody = z.infer<typeof CreatePiBody>;

export const PlanningTeam = z.object({ id: z.uuid(), boardId: z.number().int(), name: z.string(), projectKey: z.string(), capacity: z.number() });
export type PlanningTeam = z.infer<typeof PlanningTeam>;

export const ProgramIncrement = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  jql: z.string().nullable(),
  wsjfFieldId: z.string().nullable(),
  version: z.number().int(),
  syncedAt: z.iso.datetime().nullable(),
  teams: z.array(PlanningTeam),
  useCaseIds: z.array(z.uuid()),
});
export type ProgramIncrement = z.infer<typeof ProgramIncrement>;
export const PiList = z.object({ pis: z.array(ProgramIncrement) });

export const PlanningSprint = z.object({
  sprintId: z.number().int(),
  teamId: z.uuid(),
  name: z.string(),
  state: z.string(),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
});
export type PlanningSprint = z.infer<typeof PlanningSprint>;

export const PlanningCard = z.object({
  issueId: z.string(),
  key: z.string(),
  summary: z.string(),
  issueTypeId: z.string().nullable(),
  statusId: z.string().nullable(),
  storyPoints: z.number().nullable(),
  wsjf: z.number().nullable(),
  epicKey: z.string().nullable(),
  useCaseId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  /** null: in the "not planned" column. */
  sprintId: z.number().int().nullable(),
  /** Whether the caller may move, edit or link this card. */
  mayPlan: z.boolean(),
});
export type PlanningCard = z.infer<typeof PlanningCard>;

export const PlanningDependency = z.object({
  linkId: z.string(),
  linkType: z.string(),
  /** The issue that blocks (Jira's outward issue). */
  fromIssueId: z.string(),
  toIssueId: z.string(),
  /** The blocker is planned later than the card that depends on it (or not planned at all). */
  backwards: z.boolean(),
});
export type PlanningDependency = z.infer<typeof PlanningDependency>;

export const PlanningLoad = z.object({ teamId: z.uuid(), sprintId: z.number().int(), points: z.number(), capacity: z.number(), over: z.boolean() });

export const PlanningBoard = z.object({
  pi: ProgramIncrement,
  sprints: z.array(PlanningSprint),
  cards: z.array(PlanningCard),
  dependencies: z.array(PlanningDependency),
  load: z.array(PlanningLoad),
});
export type PlanningBoard = z.infer<typeof PlanningBoard>;

export const PlanningVersion = z.object({ version: z.number().int() });

export const CreateSprintBody = z.strictObject({
  teamId: z.uuid(),
  name: safeText().trim().min(1).max(255),
  startDate: z.iso.datetime().optional(),
  endDate: z.iso.datetime().optional(),
});

export const MoveCardBody = z.strictObject({
  /** A sprint of the PI, or null for "not planned". */
  sprintId: z.number().int().positive().nullable(),
  teamId: z.uuid().optional(),
});

export const CreateCardBody = z.strictObject({
  teamId: z.uuid(),
  sprintId: z.number().int().positive().nullable(),
  epicKey: issueKey,
  issueTypeId: z.string().min(1).max(50),
  summary: safeText().trim().min(1).max(255),
  storyPoints: points.nullable().optional(),
});

export const EditCardBody = z.strictObject({
  summary: safeText().trim().min(1).max(255).optional(),
  storyPoints: points.nullable().optional(),
  wsjf: z.number().min(0).max(1_000_000).nullable().optional(),
});

export const DeleteCardResult = z.object({ deletedInJira: z.boolean(), message: z.string() });

export const CreateDependencyBody = z.strictObject({ linkType: z.string().trim().min(1).max(255), fromIssueKey: issueKey, toIssueKey: issueKey });

export const ResyncResult = z.object({ cards: z.number().int(), sprints: z.number().int(), dependencies: z.number().int(), syncedAt: z.iso.datetime() });

/** A PI re-sync queued as a job: where it is (phase) and how far (done of total; total 0 while unknown). */
export const PlanningResyncJob = z.object({
  id: z.uuid(),
  piId: z.uuid(),
  /** Set when only this team's board is re-synced. */
  teamId: z.uuid().nullable(),
  state: z.enum(["queued", "running", "done", "failed"]),
  phase: z.enum(["sprints", "issues", "links", "saving"]).nullable(),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
  result: ResyncResult.nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type PlanningResyncJob = z.infer<typeof PlanningResyncJob>;
