import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const DemoStateFile = z.object({
  admin: z.object({ email: z.string(), password: z.string().min(10) }).nullable().default(null),
  workspaceId: z.string().nullable().default(null),
  /** Demo use case title (as first created) → its id: a renamed or deleted one is not created again. */
  useCases: z.record(z.string(), z.string()).default({}),
});
export type DemoStateData = z.infer<typeof DemoStateFile>;

/**
 * What demo mode remembers between starts, in `<dataDir>/demo.json` (owner-only): the generated
 * Admin password (so every start can print it) and which demo use cases it already created.
 */
export class DemoState {
  private constructor(
    private readonly file: string,
    public data: DemoStateData,
  ) {}

  static async load(dataDir: string): Promise<DemoState> {
    const file = path.join(dataDir, "demo.json");
    let data: DemoStateData = { admin: null, workspaceId: null, useCases: {} };
    if (existsSync(file)) {
      const parsed = DemoStateFile.safeParse(JSON.parse(await readFile(file, "utf8")));
      if (parsed.success) data = parsed.data;
    }
    return new DemoState(file, data);
  }

  async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.file);
  }
}
