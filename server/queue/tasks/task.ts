import type { z } from "zod";
import type { AppDeps } from "../../deps.ts";

/**
 * One background job: its name, the zod schema of its payload (ids only — never secrets, which
 * would sit in graphile_worker.jobs), and a handler that gets the parsed payload. Jobs run at
 * least once, so every handler is idempotent and reloads state by id.
 */
export type TaskDefinition<Name extends string = string, Payload extends z.ZodType = z.ZodType> = {
  name: Name;
  payload: Payload;
  handler(payload: z.output<Payload>, deps: AppDeps): Promise<void>;
};

/** Keeps the literal name and the payload type, so the registry can type `enqueue`. */
export function defineTask<const Name extends string, Payload extends z.ZodType>(task: TaskDefinition<Name, Payload>): TaskDefinition<Name, Payload> {
  return task;
}
