import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { chromiumPlan, DEFAULT_CHROMIUM } from "./ensure-chromium.ts";

const machine = { chromiumPath: DEFAULT_CHROMIUM, fromEnv: false, present: false, root: false, aptGet: true };

describe("the step npm test runs first: Chromium for the browser tests", () => {
  it("does nothing when Chromium is there", () => {
    expect(chromiumPlan({ ...machine, present: true })).toEqual({ action: "ready" });
  });

  it("installs Debian's chromium only as root with apt-get", () => {
    expect(chromiumPlan({ ...machine, root: true })).toEqual({ action: "install" });
    expect(chromiumPlan({ ...machine, root: true, aptGet: false })).toMatchObject({ action: "fail", message: expect.stringContaining("apt-get install -y chromium") });
  });

  it("otherwise fails with the exact command to run", () => {
    expect(chromiumPlan(machine)).toEqual({
      action: "fail",
      message: `Chromium is missing at ${DEFAULT_CHROMIUM}; the browser tests need it. Install it with: sudo apt-get update && sudo apt-get install -y chromium fonts-liberation`,
    });
  });

  it("never installs over a CHROMIUM_PATH that points nowhere: that is the caller's mistake", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/ensure-chromium.ts"], { env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" }, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("CHROMIUM_PATH is set to /nonexistent/chromium, which does not exist");
  });
});
