import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const severities = ["error", "warning", "info", "hint"] as const;

/** One Spectral finding, located by operation when it concerns one. */
export type LintFinding = { document: string; rule: string; severity: (typeof severities)[number]; where: string; message: string };

type SpectralResult = { code: string; message: string; path: string[]; severity: number; source?: string };
type OpenApiDocument = { paths?: Record<string, Record<string, { operationId?: string; [key: string]: unknown }>> };

/** `paths./use-cases/{id}.patch.requestBody…` → `PATCH /use-cases/{id} (updateUseCase) requestBody…`. */
function locate(document: OpenApiDocument, at: string[]): string {
  const [root, route, method, ...rest] = at;
  if (root !== "paths" || route === undefined || method === undefined) return at.join(".") || "(document)";
  const operationId = document.paths?.[route]?.[method]?.operationId;
  const operation = `${method.toUpperCase()} ${route}${operationId ? ` (${operationId})` : " (no operationId)"}`;
  return rest.length ? `${operation} ${rest.join(".")}` : operation;
}

/**
 * Lints OpenAPI documents with the Spectral CLI and the project ruleset (.spectral.yaml:
 * spectral:oas plus the house rules), the same run as `npx spectral lint <file>`.
 */
export async function lintOpenApi(documents: Record<string, OpenApiDocument>): Promise<LintFinding[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "tether-openapi-"));
  try {
    const files: Record<string, string> = {};
    for (const [name, document] of Object.entries(documents)) {
      files[name] = path.join(dir, `${name}.json`);
      await writeFile(files[name], JSON.stringify(document, null, 2));
    }
    const bin = path.join(root, "node_modules/.bin/spectral");
    const args = ["lint", "--ruleset", path.join(root, ".spectral.yaml"), "--format", "json", "--quiet", "--fail-severity", "hint", ...Object.values(files)];
    // Exit code 1 means "found something"; the JSON on stdout says what.
    const stdout = await run(bin, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then(
      (result) => result.stdout,
      (error: { stdout?: string; code?: number }) => {
        if (error.code === 1 && error.stdout) return error.stdout;
        throw error;
      },
    );
    const results = (stdout.trim() ? JSON.parse(stdout) : []) as SpectralResult[];
    return results.map((result) => {
      const name = Object.keys(files).find((key) => files[key] === result.source) ?? result.source ?? "?";
      return {
        document: name,
        rule: result.code,
        severity: severities[result.severity] ?? "error",
        where: locate(documents[name] ?? {}, result.path),
        message: result.message,
      };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const describeFindings = (findings: LintFinding[]) =>
  findings.map((f) => `${f.severity} ${f.rule}: ${f.where}: ${f.message}`).join("\n");
