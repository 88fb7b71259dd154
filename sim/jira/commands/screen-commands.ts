import { badRequest, JiraHttpError } from "../http/errors.ts";
import type { IssueScreens, ScreenKind } from "../model/screens.ts";
import type { SimStore } from "../model/store.ts";

export type ScreenTarget = { project: string; issueType: string };
export type ScreensView = IssueScreens & { projectKey: string; issueTypeId: string; issueTypeName: string };

function resolve(store: SimStore, target: ScreenTarget) {
  const project = store.projectByIdOrKey(target.project);
  if (!project) throw new JiraHttpError(404, [`No project could be found with key '${target.project}'.`]);
  const wanted = target.issueType.toLowerCase();
  const type = store.catalog.issueTypes.find((candidate) => candidate.id === target.issueType || candidate.name.toLowerCase() === wanted);
  if (!type) throw new JiraHttpError(404, [`No issue type '${target.issueType}'.`]);
  return { project, type };
}

/** The create and edit screens of one project's issue type. */
export function describeScreens(store: SimStore, target: ScreenTarget): ScreensView {
  const { project, type } = resolve(store, target);
  return { projectKey: project.key, issueTypeId: type.id, issueTypeName: type.name, ...store.screensFor(project.id, type.id) };
}

/** Puts a field on a screen (or changes whether it is required there), as a Jira admin would. */
export function putScreenField(store: SimStore, target: ScreenTarget, kind: ScreenKind, fieldId: string, required: boolean): ScreensView {
  const { project, type } = resolve(store, target);
  if (!store.catalog.fields.some((field) => field.id === fieldId)) throw badRequest([`No field '${fieldId}' on this site.`]);
  const screens = store.screensFor(project.id, type.id);
  const next = screens[kind].filter((entry) => entry.fieldId !== fieldId);
  next.push({ fieldId, required });
  store.setScreens(project.id, type.id, { ...screens, [kind]: next });
  return describeScreens(store, target);
}

/** Takes a field off a screen; writes of it are then refused as "not on the appropriate screen". */
export function removeScreenField(store: SimStore, target: ScreenTarget, kind: ScreenKind, fieldId: string): ScreensView {
  const { project, type } = resolve(store, target);
  const screens = store.screensFor(project.id, type.id);
  store.setScreens(project.id, type.id, { ...screens, [kind]: screens[kind].filter((entry) => entry.fieldId !== fieldId) });
  return describeScreens(store, target);
}
