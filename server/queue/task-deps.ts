import type { AppDeps } from "../http/types.ts";

/** What a task may use; the same dependencies the web process has. */
export type TaskDeps = AppDeps;
