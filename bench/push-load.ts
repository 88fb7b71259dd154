import type { Pool } from "undici";
import { z } from "zod";
import type { JiraSim } from "../sim/jira/index.ts";
import type { LinkedUseCase } from "./push-setup.ts";

/**
 * Open-loop saves for the push benchmark: save i is due at i / rate seconds, whether or not
 * earlier saves are answered. Saves of one use case go one after another (each sends the version
 * the previous answer carried): a save due while its use case's previous save is unanswered
 * waits for it, as a person's next edit waits for the page to show the last one.
 */
export type Load = {
  /** Save answered → the simulator held its title, per save whose title reached Jira. */
  latencies: number[];
  patchMs: number[];
  failedSaves: number;
  /** Use cases whose Epic did not end with the last title saved: lost or wrong pushes. */
  wrongInJira: number;
  sentPerSecond: number;
};

type LoadInput = { base: string; token: string; useCases: readonly LinkedUseCase[]; versions: Map<string, number>; saves: number; rate: number; landTimeoutMs: number };

const VersionBody = z.object({ useCase: z.object({ version: z.int() }) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureSaves(sim: JiraSim, http: Pool, input: LoadInput): Promise<Load> {
  const landedAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const prefix = `Pushed ${Date.now()} #`;
  // The simulator runs in this thread: the hook fires in the request that writes the summary.
  const unsubscribe = sim.control.onIssueWritten((issue) => {
    if (issue.summary.startsWith(prefix) && !landedAt.has(issue.summary)) landedAt.set(issue.summary, performance.now());
  });
  const patchMs: number[] = [];
  let failedSaves = 0;
  const headers = { authorization: `Bearer ${input.token}`, "content-type": "application/json" };
  const patch = async (id: string, title: string) => {
    const sent = performance.now();
    const reply = await http.request({ method: "PATCH", path: `${input.base}/${id}`, headers, body: JSON.stringify({ version: input.versions.get(id), title }) });
    const body = await reply.body.text();
    if (reply.statusCode !== 200) {
      failedSaves += 1;
      if (failedSaves === 1) console.error(`  push: PATCH answered ${reply.statusCode}: ${body.slice(0, 200)}`);
      return;
    }
    answeredAt.set(title, performance.now());
    patchMs.push(performance.now() - sent);
    input.versions.set(id, VersionBody.parse(JSON.parse(body)).useCase.version);
  };

  const lastTitle = new Map<string, { key: string; title: string }>();
  const chains = new Map<string, Promise<void>>();
  const started = performance.now();
  for (let i = 0; i < input.saves; i += 1) {
    const wait = started + (i * 1000) / input.rate - performance.now();
    if (wait > 0) await sleep(wait);
    const useCase = input.useCases[i % input.useCases.length]!;
    const title = `${prefix}${i}`;
    lastTitle.set(useCase.id, { key: useCase.issueKey, title });
    chains.set(useCase.id, (chains.get(useCase.id) ?? Promise.resolve()).then(() => patch(useCase.id, title)));
  }
  const sentPerSecond = (input.saves * 1000) / (performance.now() - started);
  await Promise.all(chains.values());
  const finalTitles = [...lastTitle.values()];
  const deadline = Date.now() + input.landTimeoutMs;
  while (finalTitles.some((f) => !landedAt.has(f.title)) && Date.now() < deadline) await sleep(50);
  unsubscribe();
  const latencies = [...answeredAt].flatMap(([title, answered]) => {
    const landed = landedAt.get(title);
    return landed === undefined ? [] : [landed - answered];
  });
  const wrongInJira = finalTitles.filter((f) => sim.control.issue(f.key).summary !== f.title).length;
  return { latencies, patchMs, failedSaves, wrongInJira, sentPerSecond };
}
