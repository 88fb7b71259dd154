/**
 * The address login rate limits are counted against. Without a trusted proxy it is the socket's
 * peer. Behind one (TRUST_PROXY=true) every socket peer is the proxy, which would put all users in
 * one bucket, so the last X-Forwarded-For hop is used: the one our proxy added. Hops further left
 * are written by the client and cannot be trusted.
 */
export function clientAddress(options: { trustProxy: boolean; forwardedFor: string | undefined; socketAddress: string | undefined }): string {
  if (options.trustProxy && options.forwardedFor) {
    const hops = options.forwardedFor.split(",").map((hop) => hop.trim()).filter((hop) => hop !== "");
    const last = hops.at(-1);
    if (last) return last;
  }
  return options.socketAddress ?? "unknown";
}
