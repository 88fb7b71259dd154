import { runImport } from "../../commands/jira/import-epics.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/** Creates and links a use case per selected, unlinked Epic (a tracked job). A re-run skips what is linked. */
export const jiraImportEpics = defineTask({
  name: "jira_import_epics",
  payload: taskPayloads.jira_import_epics,
  async handler({ jobId }, deps) {
    await runImport(deps, jobId);
  },
});
