import { z } from "zod";
import type { JiraSim } from "../../sim/jira/index.ts";
import type { DemoApi } from "./demo-api.ts";
import type { DemoState } from "./demo-state.ts";
import { type DemoUseCase, demoUseCases } from "./demo-use-cases.ts";

const Connection = z.object({ connection: z.looseObject({ baseUrl: z.string() }).nullable() });
const Metadata = z.looseObject({ fetchedAt: z.string().nullable() });
const Mapping = z.looseObject({ mapping: z.unknown(), saved: z.boolean() });
const Statuses = z.object({ statuses: z.array(z.looseObject({ id: z.string(), name: z.string() })) });
const UseCaseRef = z.looseObject({ id: z.string(), title: z.string(), version: z.number() });
const UseCases = z.looseObject({ useCases: z.array(UseCaseRef) });
const Created = z.looseObject({ useCase: UseCaseRef });
const LinkView = z.looseObject({ link: z.looseObject({ issueKey: z.string().nullable(), state: z.string() }).nullable() });
const Webhook = z.looseObject({ state: z.string(), reason: z.string().nullable() });
const Anything = z.unknown();

export type DemoWorkspace = {
  useCases: number;
  links: { title: string; useCaseId: string; issueKey: string | null; state: string }[];
  webhook: { state: string; reason: string | null };
};

/** The simulator's demo account on Data Center: Ada, a Jira administrator, with a personal access token. */
const connectionFor = (sim: JiraSim) => ({ kind: "datacenter_pat", baseUrl: sim.url, secret: "sim-pat-ada", projectKeys: ["TETH"] });

const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

/**
 * Brings the demo workspace to its ready state through Tether's public API, step by step as an
 * Admin would in the UI: connect Jira, refresh metadata, switch the features on, save the proposed
 * mapping, create the use cases, link or create their Epics, register the webhook. Every step
 * first looks at what is there, so a second start changes nothing (and re-points the connection
 * when the simulator's address changed).
 */
export async function prepareDemoWorkspace(api: DemoApi, workspace: { id: string; adminId: string; state: DemoState }, sim: JiraSim): Promise<DemoWorkspace> {
  const base = `/workspaces/${workspace.id}`;
  const jira = `${base}/integrations/jira`;

  const current = await api.call("read the connection", "GET", `${jira}/connection`, Connection);
  const reconnect = current.connection?.baseUrl !== sim.url;
  if (reconnect) await api.call("connect Jira", "PUT", `${jira}/connection`, Anything, connectionFor(sim));
  const metadata = await api.call("read the Jira metadata", "GET", `${jira}/metadata`, Metadata);
  if (reconnect || metadata.fetchedAt === null) await api.call("refresh the Jira metadata", "POST", `${jira}/metadata/refresh`, Anything);
  await api.call("switch the features on", "PATCH", `${jira}/features`, Anything, { toJira: true, fromJira: true, issueListing: true });
  const mapping = await api.call("read the mapping", "GET", `${jira}/mapping`, Mapping);
  if (!mapping.saved) await api.call("save the proposed mapping", "PUT", `${jira}/mapping`, Anything, mapping.mapping);

  const { statuses } = await api.call("read the statuses", "GET", `${base}/statuses`, Statuses);
  const statusId = (name: string) => statuses.find((status) => status.name === name)?.id;
  // Created once each, remembered by id: a use case renamed or deleted since is left as it is.
  if (workspace.state.data.workspaceId !== workspace.id) workspace.state.data = { ...workspace.state.data, workspaceId: workspace.id, useCases: {} };
  const byTitle = workspace.state.data.useCases;
  const createdNow = new Set<string>();
  for (const spec of demoUseCases) {
    if (byTitle[spec.title]) continue;
    const created = await api.call(`create “${spec.title}”`, "POST", `${base}/use-cases`, Created, createBody(spec, statusId(spec.status), workspace.adminId));
    byTitle[spec.title] = created.useCase.id;
    createdNow.add(spec.title);
    await workspace.state.save();
  }
  const listed = await api.call("list the use cases", "GET", `${base}/use-cases?limit=100`, UseCases);
  const present = new Set(listed.useCases.map((useCase) => useCase.id));

  const links: DemoWorkspace["links"] = [];
  for (const spec of demoUseCases) {
    const useCaseId = byTitle[spec.title];
    if (!spec.epic || !useCaseId || !present.has(useCaseId)) continue;
    const path = `${base}/use-cases/${useCaseId}/jira`;
    let view = await api.call(`read the link of “${spec.title}”`, "GET", path, LinkView);
    // Only use cases created by this start are linked: an unlink made since is the user's choice.
    const issueKey = spec.epic === "create" ? null : seededEpicKey(sim, spec.epic.existing);
    if (!view.link && createdNow.has(spec.title) && (spec.epic === "create" || issueKey)) {
      view = await api.call(`link “${spec.title}”`, "POST", `${path}/link`, LinkView, issueKey ? { issueKey } : { create: true });
    }
    links.push({ title: spec.title, useCaseId, issueKey: view.link?.issueKey ?? null, state: view.link?.state ?? "unlinked" });
  }

  // Switching "From Jira" on queued a registration; registering now makes the printed state true.
  const webhook = await api.call("register the webhook", "POST", `${jira}/webhook/register`, Webhook);
  return { useCases: listed.useCases.length, links, webhook: { state: webhook.state, reason: webhook.reason } };
}

function createBody(spec: DemoUseCase, statusId: string | undefined, adminId: string) {
  const [businessValue, timeCriticality, riskReduction, jobSize] = spec.scores;
  return {
    title: spec.title,
    description: spec.description,
    ...(statusId ? { statusId } : {}),
    priority: spec.priority,
    tags: spec.tags,
    businessValue,
    timeCriticality,
    riskReduction,
    jobSize,
    ...(spec.targetInDays === null ? {} : { targetDate: isoDate(spec.targetInDays) }),
    ...(spec.assignedToAdmin ? { assigneeId: adminId } : {}),
  };
}

/** The key of the simulator's seeded Epic with this summary (read from the in-process simulator), if it is still there. */
function seededEpicKey(sim: JiraSim, summary: string): string | null {
  const store = sim.control.store;
  const epicTypes = new Set(store.catalog.issueTypes.filter((type) => type.hierarchyLevel === 1).map((type) => type.id));
  for (const issue of store.issues.values()) {
    if (epicTypes.has(issue.issueTypeId) && issue.summary === summary) return issue.key;
  }
  return null;
}
