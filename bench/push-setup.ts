import { sql } from "kysely";
import { z } from "zod";
import type { Db } from "../server/db/pool.ts";
import type { JiraSim } from "../sim/jira/index.ts";
import type { BenchWorkspace } from "./api-seed.ts";

/**
 * The push benchmark's starting point, made through Tether's API as an Admin would: the workspace
 * connected to the simulator (Cloud, API token), metadata refreshed, both directions switched on,
 * the proposed mapping saved, and `count` use cases each linked to an Epic it created.
 */
export type LinkedUseCase = { id: string; version: number; issueKey: string };
export type PushSetup = { mapping: { issueTypeId: string } & Record<string, unknown>; useCases: LinkedUseCase[] };

const MappingBody = z.object({ mapping: z.looseObject({ issueTypeId: z.string().min(1) }) });
const UseCaseBody = z.object({ useCase: z.object({ id: z.uuid(), version: z.int() }) });
const LinkBody = z.object({ link: z.object({ issueKey: z.string().min(1).nullable(), state: z.string() }) });
const LINK_CONCURRENCY = 8;

type Call = <T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown) => Promise<T>;

function caller(url: string, headers: Record<string, string>): Call {
  return async (method, path, schema, body) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return schema.parse(text === "" ? {} : JSON.parse(text));
  };
}

export async function connectAndLink(url: string, workspace: BenchWorkspace, sim: JiraSim, count: number): Promise<PushSetup> {
  const asAdmin = caller(url, { cookie: workspace.sessionCookie, "x-csrf-token": workspace.csrfToken });
  const jira = `/workspaces/${workspace.workspaceId}/integrations/jira`;
  const connection = { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] };
  await asAdmin("PUT", `${jira}/connection`, z.unknown(), connection);
  await asAdmin("POST", `${jira}/metadata/refresh`, z.unknown());
  await asAdmin("PATCH", `${jira}/features`, z.unknown(), { toJira: true, fromJira: true, issueListing: true });
  const proposed = await asAdmin("GET", `${jira}/mapping`, MappingBody);
  const saved = await asAdmin("PUT", `${jira}/mapping`, MappingBody, proposed.mapping);

  const asScript = caller(url, { authorization: `Bearer ${workspace.apiToken}` });
  const base = `/workspaces/${workspace.workspaceId}/use-cases`;
  const useCases: LinkedUseCase[] = [];
  let next = 0;
  const linkOne = async () => {
    while (next < count) {
      const n = next++;
      const created = await asScript("POST", base, UseCaseBody, { title: `Push benchmark use case ${n}`, tags: ["bench"] });
      const linked = await asScript("POST", `${base}/${created.useCase.id}/jira/link`, LinkBody, { create: true });
      if (!linked.link.issueKey || linked.link.state !== "ok") throw new Error(`linking use case ${n} left the link ${linked.link.state}`);
      useCases.push({ id: created.useCase.id, version: created.useCase.version, issueKey: linked.link.issueKey });
    }
  };
  await Promise.all(Array.from({ length: LINK_CONCURRENCY }, linkOne));
  return { mapping: saved.mapping, useCases };
}

/** Waits until the job queue holds no sync job (linking enqueues some): measuring starts from quiet. */
export async function queueIdle(db: Db, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'jira_sync_link'`.execute(db);
    if ((result.rows[0]?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error(`sync jobs still queued after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
