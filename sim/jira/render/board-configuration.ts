import type { SimBoard } from "../model/types.ts";
import type { RenderContext } from "./context.ts";

type Json = Record<string, unknown>;

/** A board's configuration: its columns (by status category), the estimation field (story points) and the rank field. */
export function renderBoardConfiguration(ctx: RenderContext, board: SimBoard): Json {
  const { catalog } = ctx.store;
  const project = ctx.store.projects.get(board.projectId);
  const column = (name: string, category: string) => ({
    name,
    statuses: catalog.statuses.filter((status) => status.category === category).map((status) => ({ id: status.id, self: `${ctx.baseUrl}/rest/api/2/status/${status.id}` })),
  });
  const storyPoints = catalog.fields.find((field) => field.id === catalog.customFieldIds.storyPoints);
  return {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${ctx.baseUrl}/rest/agile/1.0/board/${board.id}/configuration`,
    location: { type: "project", projectKeyOrId: project?.id ?? board.projectId },
    filter: { id: String(10000 + board.id), self: `${ctx.baseUrl}/rest/api/2/filter/${10000 + board.id}` },
    subQuery: { query: "" },
    columnConfig: { columns: [column("To Do", "new"), column("In Progress", "indeterminate"), column("Done", "done")], constraintType: "issueCount" },
    estimation: { type: "field", field: { fieldId: catalog.customFieldIds.storyPoints, displayName: storyPoints?.name ?? "Story Points" } },
    ranking: { rankCustomFieldId: Number(catalog.customFieldIds.rank.replace("customfield_", "")) },
  };
}
