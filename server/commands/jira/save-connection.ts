import type { SaveConnectionBody } from "../../../common/contracts/jira-connection.ts";
import { connectionShapeProblems } from "../../../integrations/jira/connection/client-config.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../deps.ts";
import { recordAudit } from "../../models/audit-log.ts";
import { type ConnectionRow, findConnection, upsertConnection } from "../../models/jira-connections.ts";
import { scheduleWebhookRegistration } from "./webhook-settings.ts";

/**
 * The stored secret may only be kept for the same Jira, kind and account it was given for:
 * otherwise whoever may edit the connection (a Moderator) could point it at a host they control
 * and have the next test send them the token.
 */
function refuseSecretReuse(existing: ConnectionRow, next: { kind: string; baseUrl: string; accountName: string | null }) {
  const changed = [
    existing.base_url !== next.baseUrl ? "baseUrl" : null,
    existing.kind !== next.kind ? "kind" : null,
    existing.account_name !== next.accountName ? "accountName" : null,
  ].filter((field) => field !== null);
  if (changed.length === 0) return;
  throw new AppError("validation_failed", `Invalid request body: secret: give the secret again when changing ${changed.join(", ")}.`, [
    { path: "secret", code: "required", message: `is required when ${changed.join(", ")} change${changed.length === 1 ? "s" : ""}`, changed },
  ]);
}

/** Creates or replaces the workspace's one Jira connection; the secret is sealed before it touches the database. */
export async function saveConnection(deps: AppDeps, workspaceId: string, actorId: string, body: SaveConnectionBody) {
  const baseUrl = body.baseUrl.replace(/\/+$/, "");
  return deps.db.transaction().execute(async (trx) => {
    const existing = await findConnection(trx, workspaceId);
    if (existing && body.secret === undefined) refuseSecretReuse(existing, { kind: body.kind, baseUrl, accountName: body.accountName ?? null });
    const problems = connectionShapeProblems({
      kind: body.kind,
      baseUrl,
      accountName: body.accountName ?? null,
      cloudId: null,
      secretGiven: body.secret !== undefined || existing !== undefined,
    });
    if (problems.length > 0) throw new AppError("validation_failed", problems.join(" "), { problems });
    const secret = body.secret;
    const id = await upsertConnection(
      trx,
      workspaceId,
      actorId,
      {
        kind: body.kind,
        base_url: baseUrl,
        account_name: body.accountName ?? null,
        project_keys: [...new Set(body.projectKeys)],
        // A new secret starts with no known expiry unless one is given with it.
        ...(body.secretExpiresOn !== undefined
          ? { token_expires_at: body.secretExpiresOn === null ? null : new Date(`${body.secretExpiresOn}T00:00:00Z`) }
          : secret !== undefined
            ? { token_expires_at: null }
            : {}),
      },
      secret === undefined ? null : (connectionId) => ({ ciphertext: deps.secretBox.seal(secret, connectionId), lastFour: secret.slice(-4) }),
    );
    await recordAudit(trx, {
      workspaceId,
      actorId,
      action: existing ? "jira.connection_updated" : "jira.connection_created",
      target: id,
      details: { kind: body.kind, baseUrl, projectKeys: body.projectKeys, secretChanged: secret !== undefined },
    });
    // Another site or project list changes where and what the webhook must be (docs/WEBHOOKS.md).
    if (existing) await scheduleWebhookRegistration(trx, workspaceId);
    const saved = await findConnection(trx, workspaceId);
    if (!saved) throw new Error("connection vanished inside its own transaction");
    return saved;
  });
}
