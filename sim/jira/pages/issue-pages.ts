import type { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { SimControl } from "../control.ts";
import { requestText } from "../http/body.ts";
import { badRequest, JiraHttpError } from "../http/errors.ts";
import type { SimEnv } from "../http/router.ts";
import type { SimIssue } from "../model/types.ts";
import { type EditChoices, issueFacts, issuePage, issueRow, issueTable, layout } from "./issue-views.ts";

/** The "edit as a Jira user" form; every field is sent, only the changed ones are written. */
const editForm = z.object({
  as: z.string().min(1),
  summary: z.string().trim().min(1, "The summary cannot be empty.").max(255),
  description: z.string().max(32_000).default(""),
  status: z.string().min(1),
  priority: z.string().min(1),
});

const sameText = (left: string, right: string) => left.replace(/\r\n/g, "\n").trim() === right.replace(/\r\n/g, "\n").trim();

function childrenOf(control: SimControl, issue: SimIssue): SimIssue[] {
  const store = control.store;
  const children = store.flavor === "cloud" ? store.childrenOf(issue.id) : [...store.epicLinkedChildrenOf(issue.id), ...store.childrenOf(issue.id)];
  return children.sort((left, right) => left.id - right.id);
}

function choicesFor(control: SimControl, issue: SimIssue, as: string): EditChoices {
  const catalog = control.store.catalog;
  const reachable = new Set(catalog.transitions.filter((transition) => transition.from.includes(issue.statusId)).map((transition) => transition.to));
  return {
    statuses: catalog.statuses.filter((status) => status.id === issue.statusId || reachable.has(status.id)).map((status) => status.name),
    priorities: catalog.priorities.map((priority) => priority.name),
    users: control.users().map((user) => ({ name: user.name, displayName: user.displayName })),
    as,
  };
}

/** Applies the form through the same commands a REST edit uses, so changelog and webhooks follow. */
function applyEdit(control: SimControl, issue: SimIssue, form: z.infer<typeof editForm>): string[] {
  const facts = issueFacts(control.store, issue);
  const catalog = control.store.catalog;
  // Checked before any write, so a refused status change leaves the issue as it was.
  const transition =
    form.status === facts.status
      ? null
      : catalog.transitions.find((candidate) => candidate.from.includes(issue.statusId) && catalog.statuses.find((status) => status.id === candidate.to)?.name === form.status);
  if (transition === undefined) throw badRequest([`No transition from the current status to '${form.status}'.`]);
  const fields: Record<string, unknown> = {};
  if (form.summary !== facts.summary) fields.summary = form.summary;
  if (!sameText(form.description, facts.description)) fields.description = form.description.replace(/\r\n/g, "\n");
  if (form.priority !== facts.priority) fields.priority = { name: form.priority };
  const changed = Object.keys(fields);
  if (changed.length > 0) control.editIssue(form.as, issue.key, { fields });
  if (transition) {
    const resolution = catalog.resolutions[0];
    const needsResolution = transition.screen.some((field) => field.fieldId === "resolution" && field.required);
    control.transitionIssue(form.as, issue.key, { transitionId: transition.id, ...(needsResolution && resolution ? { fields: { resolution: { id: resolution.id } } } : {}) });
    changed.push("status");
  }
  return changed;
}

/**
 * A small, read-mostly web page of the simulated site: `/` lists every project's issues (Epics
 * with their children), `/browse/{key}` shows one issue (Jira's own URL shape, so Tether's links
 * to an Epic open it) with an "edit as a Jira user" form. Mounted only with the control API: like
 * `/_sim`, the form skips Jira's permission checks.
 */
export function registerIssuePages(app: Hono<SimEnv>, control: SimControl): void {
  app.get("/", (c) => {
    const store = control.store;
    const sections = [...store.projects.values()].map((project) => {
      const issues = [...store.issuesInProject(project.id)].map((id) => store.issues.get(id)).filter((issue): issue is SimIssue => issue !== undefined);
      const shown = new Set<number>();
      const rows = [];
      for (const issue of issues.filter((candidate) => candidate.parentId === null && candidate.epicLinkId === null).sort((left, right) => left.id - right.id)) {
        rows.push(issueRow(issueFacts(store, issue), 0));
        shown.add(issue.id);
        for (const child of childrenOf(control, issue)) {
          rows.push(issueRow(issueFacts(store, child), 1));
          shown.add(child.id);
        }
      }
      for (const issue of issues.filter((candidate) => !shown.has(candidate.id))) rows.push(issueRow(issueFacts(store, issue), 1));
      return html`<h2>${project.name} (${project.key})</h2>${rows.length > 0 ? issueTable(rows) : html`<p class="note">No issues yet.</p>`}`;
    });
    return c.html(layout("Issues", store.flavor, html`<p class="note">Every issue of the simulated site. Open one to edit it as a Jira user.</p>${sections}`));
  });

  const showIssue = (key: string, as: string, notice: { kind: "saved" | "error"; text: string } | null, status: 200 | 400) => {
    const store = control.store;
    const issue = store.issueByIdOrKey(key);
    if (!issue) return new Response("No such issue", { status: 404 });
    const facts = issueFacts(store, issue);
    const children = childrenOf(control, issue);
    const childTable = children.length > 0 ? html`<div class="panel" style="margin-top:16px"><h3>Child issues (${children.length})</h3>${issueTable(children.map((child) => issueRow(issueFacts(store, child), 0)))}</div>` : "";
    const page = layout(`${facts.key} ${facts.summary}`, store.flavor, issuePage(facts, childTable, choicesFor(control, issue, as), notice));
    return Promise.resolve(page).then((body) => new Response(body.toString(), { status, headers: { "Content-Type": "text/html; charset=UTF-8" } }));
  };

  app.get("/browse/:key", (c) => {
    const saved = c.req.query("saved");
    return showIssue(c.req.param("key"), c.req.query("as") ?? "ben", saved === undefined ? null : { kind: "saved", text: saved ? `Saved: ${saved}.` : "Nothing changed." }, 200);
  });

  app.post("/browse/:key", async (c) => {
    const key = c.req.param("key");
    const issue = control.store.issueByIdOrKey(key);
    if (!issue) return c.text("No such issue", 404);
    const parsed = editForm.safeParse(Object.fromEntries(new URLSearchParams(await requestText(c))));
    if (!parsed.success) return showIssue(key, "ben", { kind: "error", text: parsed.error.issues.map((issue) => issue.message).join(" ") }, 400);
    try {
      const changed = applyEdit(control, issue, parsed.data);
      return c.redirect(`/browse/${encodeURIComponent(issue.key)}?as=${encodeURIComponent(parsed.data.as)}&saved=${encodeURIComponent(changed.join(", "))}`, 303);
    } catch (error) {
      if (!(error instanceof JiraHttpError)) throw error;
      const text = [...error.errorMessages, ...Object.values(error.errors)].join(" ") || `Jira answered ${error.status}.`;
      return showIssue(key, parsed.data.as, { kind: "error", text }, 400);
    }
  });
}
