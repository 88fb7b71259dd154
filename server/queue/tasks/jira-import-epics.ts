import { z } from "zod";
import { runImport } from "../../commands/jira/import-epics.ts";
import { defineTask } from "./task.ts";

/** Creates and links a use case per selected, unlinked Epic (a tracked job). A re-run skips what is linked. */
export const jiraImportEpics = defineTask({
  name: "jira_import_epics",
  payload: z.object({ jobId: z.uuid() }),
  async handler({ jobId }, deps) {
    await runImport(deps, jobId);
  },
});
