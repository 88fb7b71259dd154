import { runPiResync } from "../../commands/planning/resync-job.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/** Pulls a program increment's sprints, issues and links from Jira (a tracked job, docs/adr/0012-planning.md). */
export const planningResync = defineTask({
  name: "planning_resync",
  payload: taskPayloads.planning_resync,
  async handler({ jobId }, deps) {
    await runPiResync(deps, jobId);
  },
});
