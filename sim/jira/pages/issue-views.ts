import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { SimStore } from "../model/store.ts";
import type { SimIssue } from "../model/types.ts";
import { richTextAsString } from "../render/adf.ts";

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What the page needs to know about an issue, in words a person reads. */
export type IssueFacts = {
  key: string;
  type: string;
  summary: string;
  description: string;
  status: string;
  statusCategory: string;
  priority: string;
  assignee: string;
  updated: string;
};

export function issueFacts(store: SimStore, issue: SimIssue): IssueFacts {
  const catalog = store.catalog;
  const status = catalog.statuses.find((candidate) => candidate.id === issue.statusId);
  return {
    key: issue.key,
    type: catalog.issueTypes.find((candidate) => candidate.id === issue.issueTypeId)?.name ?? issue.issueTypeId,
    summary: issue.summary,
    description: issue.description ? richTextAsString(issue.description) : "",
    status: status?.name ?? issue.statusId,
    statusCategory: status?.category ?? "new",
    priority: catalog.priorities.find((candidate) => candidate.id === issue.priorityId)?.name ?? "None",
    assignee: (issue.assigneeKey && store.userByKey(issue.assigneeKey)?.displayName) || "Unassigned",
    updated: new Date(issue.updated).toISOString().replace("T", " ").slice(0, 19),
  };
}

const style = raw(`<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#172b4d;background:#f7f8f9}
header{background:#0c66e4;color:#fff;padding:10px 24px;display:flex;gap:16px;align-items:baseline}
header a{color:#fff;text-decoration:none;font-weight:600}main{padding:16px 24px;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #dfe1e6}
.lozenge{font-size:12px;font-weight:700;text-transform:uppercase;padding:1px 6px;border-radius:3px;background:#dfe1e6}
.indeterminate{background:#cce0ff;color:#09326c}.done{background:#baf3db;color:#164b35}
.grid{display:grid;grid-template-columns:1fr 320px;gap:24px}.panel{background:#fff;border:1px solid #dfe1e6;border-radius:4px;padding:12px 16px}
dl{display:grid;grid-template-columns:110px 1fr;gap:6px 8px;margin:0}dt{color:#626f86}pre{white-space:pre-wrap;font:inherit;margin:0}
label{display:block;margin-top:10px;font-weight:600}input,select,textarea{width:100%;box-sizing:border-box;font:inherit;font-weight:400;padding:4px}
button{margin-top:12px;background:#0c66e4;color:#fff;border:0;border-radius:3px;padding:6px 14px;font:inherit;cursor:pointer}
.note{color:#626f86;font-size:13px}.saved{background:#dcfff1;padding:6px 10px;border-radius:3px}.error{background:#ffeceb;padding:6px 10px;border-radius:3px}
</style>`);

export function layout(title: string, flavor: string, body: Markup): Markup {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Jira simulator</title>${style}</head>
<body><header><a href="/">Jira simulator</a><span>${flavor === "cloud" ? "Jira Cloud" : "Jira Data Center"} · a local stand-in for Jira, for demos and tests</span></header>
<main>${body}</main></body></html>`;
}

const lozenge = (facts: IssueFacts) => html`<span class="lozenge ${facts.statusCategory}">${facts.status}</span>`;

export function issueRow(facts: IssueFacts, depth: number): Markup {
  return html`<tr data-key="${facts.key}"><td>${raw("&nbsp;".repeat(depth * 4))}<a href="/browse/${facts.key}">${facts.key}</a></td><td>${facts.type}</td><td>${facts.summary}</td><td>${lozenge(facts)}</td><td>${facts.priority}</td><td>${facts.assignee}</td></tr>`;
}

export function issueTable(rows: Markup[]): Markup {
  return html`<table><thead><tr><th>Key</th><th>Type</th><th>Summary</th><th>Status</th><th>Priority</th><th>Assignee</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export type EditChoices = {
  statuses: string[];
  priorities: string[];
  users: { name: string; displayName: string }[];
  as: string;
};

export function issuePage(facts: IssueFacts, children: Markup | "", choices: EditChoices, notice: { kind: "saved" | "error"; text: string } | null): Markup {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? raw(" selected") : ""}>${label}</option>`;
  return html`<p class="note"><a href="/">All issues</a> / ${facts.key}</p>
<h1 data-testid="sim-summary">${facts.summary}</h1>
${notice ? html`<p class="${notice.kind}" data-testid="sim-notice">${notice.text}</p>` : ""}
<div class="grid"><section>
<div class="panel"><h3>Description</h3><pre data-testid="sim-description">${facts.description || "—"}</pre></div>
${children}
</section><aside>
<div class="panel"><dl><dt>Type</dt><dd>${facts.type}</dd><dt>Status</dt><dd data-testid="sim-status">${lozenge(facts)}</dd><dt>Priority</dt><dd data-testid="sim-priority">${facts.priority}</dd><dt>Assignee</dt><dd>${facts.assignee}</dd><dt>Updated</dt><dd>${facts.updated} UTC</dd></dl></div>
<form class="panel" method="post" action="/browse/${facts.key}" style="margin-top:16px" data-testid="sim-edit-form">
<h3 style="margin:0">Edit as a Jira user</h3>
<p class="note">Saved through the simulator's own commands, exactly like an edit in Jira: the changelog is written and registered webhooks fire.</p>
<label>Jira user<select name="as">${choices.users.map((user) => option(user.name, user.displayName, user.name === choices.as))}</select></label>
<label>Summary<input name="summary" value="${facts.summary}" required></label>
<label>Description<textarea name="description" rows="6">${facts.description}</textarea></label>
<label>Status<select name="status">${choices.statuses.map((status) => option(status, status, status === facts.status))}</select></label>
<label>Priority<select name="priority">${choices.priorities.map((priority) => option(priority, priority, priority === facts.priority))}</select></label>
<button type="submit" data-testid="sim-save">Save</button>
</form></aside></div>`;
}
