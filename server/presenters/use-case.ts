import type { HistoryEntry, UseCase, UseCaseComment, UseCaseFields } from "../../common/contracts/use-cases.ts";
import type { Role } from "../db/schema.ts";
import type { CommentRecord } from "../models/use-case-comments.ts";
import type { HistoryRecord } from "../models/use-case-history.ts";
import type { UseCaseRecord } from "../models/use-cases.ts";
import { accessFactsOf, useCaseAbilities } from "../policies/use-cases.ts";

export const useCaseKey = (number: number) => `UC-${number}`;

// numeric columns arrive as strings (exact decimals); the API speaks JSON numbers.
const toNumber = (value: string | null) => (value === null ? null : Number(value));

export function presentUseCase(row: UseCaseRecord): UseCaseFields {
  return {
    id: row.id,
    key: useCaseKey(row.number),
    number: row.number,
    title: row.title,
    description: row.description,
    status: { id: row.status_id, name: row.status_name, category: row.status_category },
    assignee:
      row.assignee_id === null
        ? null
        : { id: row.assignee_id, displayName: row.assignee_display_name ?? "", email: row.assignee_email ?? "" },
    members: row.members,
    priority: row.priority,
    tags: row.tags,
    targetDate: row.target_date,
    businessValue: row.business_value,
    timeCriticality: row.time_criticality,
    riskReduction: row.risk_reduction,
    jobSize: row.job_size,
    wsjf: toNumber(row.wsjf),
    storyPoints: toNumber(row.story_points),
    visibility: row.visibility,
    customFields: row.custom_fields,
    version: row.version,
    createdBy: { id: row.created_by, displayName: row.creator_display_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A use case for one caller: its fields plus what the policy lets this caller do with it. */
export function presentUseCaseFor(viewer: { role: Role; userId: string }, useCase: UseCaseFields): UseCase {
  return { ...useCase, abilities: useCaseAbilities(viewer.role, viewer.userId, accessFactsOf(useCase)) };
}

export function presentComment(row: CommentRecord): UseCaseComment {
  return {
    id: row.id,
    body: row.body,
    author: row.author_id === null ? null : { id: row.author_id, displayName: row.author_display_name ?? "" },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function historyActorLabel(row: HistoryRecord): string {
  switch (row.source) {
    case "user":
      return row.actor_display_name ?? "A former user";
    case "jira":
      return `Jira · ${row.actor_label ?? "unknown user"}`;
    case "system":
      return row.actor_label ?? "Tether";
  }
}

export function presentHistoryEntry(row: HistoryRecord): HistoryEntry {
  return {
    id: row.id,
    field: row.field,
    oldValue: row.old_value,
    newValue: row.new_value,
    actor: row.actor_id === null ? null : { id: row.actor_id, displayName: row.actor_display_name ?? "" },
    source: row.source,
    actorLabel: historyActorLabel(row),
    createdAt: row.created_at.toISOString(),
  };
}
