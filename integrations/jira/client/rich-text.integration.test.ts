import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraSim } from "../../../sim/jira/index.ts";
import { JiraError } from "./errors.ts";
import { clientFor, type Flavor, startSim } from "./testing/sim-clients.ts";
import type { RichText } from "./types.ts";

const wrongKind: Record<Flavor, RichText> = {
  cloud: { kind: "wiki", text: "*bold*" },
  datacenter: { kind: "adf", doc: { type: "doc", version: 1, content: [] } },
};

describe.each<Flavor>(["cloud", "datacenter"])("rich text of the wrong kind on %s", (flavor) => {
  let sim: JiraSim;
  beforeAll(async () => {
    sim = await startSim(flavor);
  });
  afterAll(async () => sim?.stop());

  it("is refused before anything is sent, naming the real method and path", async () => {
    const client = clientFor(sim, "ada");
    sim.control.clearRequestLog();
    const edit = client.editIssue("TETH-1", { description: wrongKind[flavor] });
    await expect(edit).rejects.toBeInstanceOf(JiraError);
    await expect(edit).rejects.toMatchObject({ code: "VALIDATION", method: "PUT", path: expect.stringContaining("/issue/TETH-1") });
    const create = client.createIssue({ projectKey: "TETH", issueTypeId: "10001", summary: "x", description: wrongKind[flavor] });
    await expect(create).rejects.toMatchObject({ code: "VALIDATION", method: "POST" });
    expect(sim.control.requestLog().filter((r) => r.method !== "GET")).toEqual([]);
  });
});
