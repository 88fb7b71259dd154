import type { SimBoard, SimSprint } from "../model/types.ts";
import type { RenderContext } from "./context.ts";
import { projectAvatarUrls } from "./meta.ts";
import { agileDateTime, jiraDateTime } from "./time.ts";

type Json = Record<string, unknown>;

export function renderSprint(ctx: RenderContext, sprint: SimSprint): Json {
  return {
    id: sprint.id,
    self: `${ctx.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate !== null ? { startDate: agileDateTime(sprint.startDate) } : {}),
    ...(sprint.endDate !== null ? { endDate: agileDateTime(sprint.endDate) } : {}),
    ...(sprint.completeDate !== null ? { completeDate: agileDateTime(sprint.completeDate) } : {}),
    createdDate: agileDateTime(sprint.createdDate),
    originBoardId: sprint.boardId,
    goal: sprint.goal,
  };
}

/**
 * The Sprint custom field on an issue. Cloud returns objects; Data Center's REST v2 still returns
 * the Java toString of the sprint bean, which clients have to parse.
 */
export function renderSprintFieldValue(ctx: RenderContext, sprint: SimSprint): Json | string {
  if (ctx.store.flavor === "cloud") {
    return {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      boardId: sprint.boardId,
      goal: sprint.goal,
      ...(sprint.startDate !== null ? { startDate: agileDateTime(sprint.startDate) } : {}),
      ...(sprint.endDate !== null ? { endDate: agileDateTime(sprint.endDate) } : {}),
      ...(sprint.completeDate !== null ? { completeDate: agileDateTime(sprint.completeDate) } : {}),
    };
  }
  const date = (value: number | null) => (value === null ? "<null>" : jiraDateTime(value));
  const hash = (sprint.id * 2654435761 % 0xffffffff).toString(16);
  return `com.atlassian.greenhopper.service.sprint.Sprint@${hash}[id=${sprint.id},rapidViewId=${sprint.boardId},state=${sprint.state.toUpperCase()},name=${sprint.name},startDate=${date(sprint.startDate)},endDate=${date(sprint.endDate)},completeDate=${date(sprint.completeDate)},activatedDate=${date(sprint.startDate)},sequence=${sprint.id},goal=${sprint.goal},autoStartStop=false,synced=false]`;
}

export function renderBoard(ctx: RenderContext, board: SimBoard): Json {
  const project = ctx.store.projects.get(board.projectId);
  return {
    id: board.id,
    self: `${ctx.baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    ...(project
      ? {
          location: {
            projectId: Number(project.id),
            displayName: `${project.name} (${project.key})`,
            projectName: project.name,
            projectKey: project.key,
            projectTypeKey: "software",
            avatarURI: projectAvatarUrls(ctx, project)["48x48"],
            name: `${project.name} (${project.key})`,
          },
        }
      : {}),
  };
}
