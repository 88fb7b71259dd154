import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * First step of `npm test`: the browser tests drive Debian's Chromium. When it is missing, install
 * it if this machine can (root with apt-get), else stop with the exact command to run.
 */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";
export const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium fonts-liberation";

type Machine = { chromiumPath: string; fromEnv: boolean; present: boolean; root: boolean; aptGet: boolean };
export type Plan = { action: "ready" } | { action: "install" } | { action: "fail"; message: string };

export function chromiumPlan(machine: Machine): Plan {
  if (machine.present) return { action: "ready" };
  if (machine.fromEnv) {
    return { action: "fail", message: `CHROMIUM_PATH is set to ${machine.chromiumPath}, which does not exist: point it at a Chromium binary, or unset it to use Debian's (${DEFAULT_CHROMIUM}).` };
  }
  if (machine.root && machine.aptGet) return { action: "install" };
  const sudo = machine.root ? "" : "sudo ";
  return {
    action: "fail",
    message: `Chromium is missing at ${DEFAULT_CHROMIUM}; the browser tests need it. Install it with: ${sudo}${INSTALL_COMMAND.replaceAll("&& apt-get", `&& ${sudo}apt-get`)}`,
  };
}

function main(): number {
  const fromEnv = Boolean(process.env.CHROMIUM_PATH);
  const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const aptGet = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  const plan = chromiumPlan({ chromiumPath, fromEnv, present: existsSync(chromiumPath), root: process.getuid?.() === 0, aptGet });
  if (plan.action === "ready") return 0;
  if (plan.action === "fail") {
    console.error(plan.message);
    return 1;
  }
  console.log(`Chromium is missing at ${DEFAULT_CHROMIUM}; installing Debian's chromium for the browser tests (${INSTALL_COMMAND}).`);
  const install = spawnSync("sh", ["-c", `${INSTALL_COMMAND.replaceAll("apt-get ", "apt-get -qq ")} >/dev/null`], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (install.status === 0 && existsSync(DEFAULT_CHROMIUM)) return 0;
  console.error(`Installing Chromium failed; the browser tests need it. Run: ${INSTALL_COMMAND}`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
