import { describe, expect, it } from "vitest";
import { demoSite } from "../seed/demo.ts";
import { buildView } from "./jql-view.ts";
import { LaggingIndex } from "./lagging-index.ts";

function setup(lagMs: number) {
  const store = demoSite("cloud", 0);
  let now = 1_000_000;
  const lag = { ms: lagMs };
  const index = new LaggingIndex(store, () => lag.ms, () => now);
  store.observer = index;
  const issue = store.issueByIdOrKey("TETH-1");
  if (!issue) throw new Error("demo site has no TETH-1");
  const labelsSeen = () => index.indexed(issue, () => buildView(store, issue))?.labels;
  const relabel = (labels: string[]) => {
    store.beforeIssueWrite(issue);
    issue.labels = labels;
    store.bump(issue.id);
  };
  return { store, issue, lag, labelsSeen, relabel, tick: (ms: number) => (now += ms) };
}

describe("LaggingIndex", () => {
  it("shows each state of an issue only once the lag has passed, in order", () => {
    const { labelsSeen, relabel, tick } = setup(1000);
    relabel(["a"]);
    expect(labelsSeen()).not.toEqual(["a"]);
    const before = labelsSeen();
    tick(400);
    relabel(["b"]);
    tick(700);
    expect(labelsSeen(), "first edit indexed, second not yet").toEqual(["a"]);
    tick(300);
    expect(labelsSeen()).toEqual(["b"]);
    expect(before).not.toEqual(["b"]);
  });

  it("answers the current state at once without lag, and forgets history when the lag is removed", () => {
    const { labelsSeen, relabel, lag } = setup(0);
    relabel(["now"]);
    expect(labelsSeen()).toEqual(["now"]);
    lag.ms = 1000;
    relabel(["later"]);
    expect(labelsSeen()).toEqual(["now"]);
    lag.ms = 0;
    expect(labelsSeen()).toEqual(["later"]);
  });
});
