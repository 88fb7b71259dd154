/** How one POST ended, before retry policy is applied. */
export type PostResult = { kind: "response"; status: number } | { kind: "error"; error: string; timedOut: boolean };

/** POSTs the exact body bytes; the response body is drained so the connection can be reused. */
export async function postWebhook(url: string, headers: Record<string, string>, body: Uint8Array<ArrayBuffer>, timeoutMs: number, cancel: AbortSignal): Promise<PostResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.any([timeout, cancel]) });
    await response.arrayBuffer().catch(() => undefined);
    return { kind: "response", status: response.status };
  } catch (error) {
    const timedOut = timeout.aborted && !cancel.aborted;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = timedOut ? `timed out after ${timeoutMs} ms` : error instanceof Error ? `${error.message}${cause}` : String(error);
    return { kind: "error", error: message, timedOut };
  }
}
