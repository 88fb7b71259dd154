import { isIP } from "node:net";

export const webhookPath = (pathId: string) => `/hooks/jira/${pathId}`;

/** The URL Jira posts to, from the base `webhookBaseUrl` chose; null without one. */
export function webhookUrl(publicUrl: string | undefined, pathId: string): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, "")}${webhookPath(pathId)}`;
}

const privateV4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./, /^0\./];

/**
 * Whether a host can be reached from the internet at all (Jira Cloud posts from Atlassian's
 * network): loopback, private, link-local and single-label or `.local`/`.internal` names cannot.
 */
export function isPubliclyReachable(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".lan")) return false;
  const family = isIP(host);
  if (family === 4) return !privateV4.some((range) => range.test(host));
  if (family === 6) return !(host === "::1" || host === "::" || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith("::ffff:"));
  return host.includes(".");
}

/**
 * Whether the Jira at `jiraBaseUrl` can post to `url`. A Jira on the internet (Atlassian's Cloud)
 * cannot reach a loopback or private address; a Jira in Tether's own network (the simulator on
 * this machine, a Jira behind the same firewall) can, whatever its flavour.
 */
export function jiraCanReach(jiraBaseUrl: string, url: string): boolean {
  return isPubliclyReachable(url) || !isPubliclyReachable(jiraBaseUrl);
}

const isLoopback = (url: string) => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\./.test(host);
};

/**
 * Where Jira posts webhooks to: PUBLIC_URL; without it, for a Jira on this very machine (the
 * simulator, as the README runs it), the address this process listens on.
 */
export function webhookBaseUrl(deps: { env: { PUBLIC_URL?: string | undefined }; listeningUrl?: string | undefined }, jiraBaseUrl: string): string | undefined {
  if (deps.env.PUBLIC_URL) return deps.env.PUBLIC_URL;
  return deps.listeningUrl && isLoopback(jiraBaseUrl) ? deps.listeningUrl : undefined;
}
