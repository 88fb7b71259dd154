import { describe, expect, it } from "vitest";
import { isPubliclyReachable, jiraCanReach, webhookBaseUrl, webhookUrl } from "./webhook-url.ts";

describe("webhook URL", () => {
  it("is built from PUBLIC_URL, without a doubled slash", () => {
    expect(webhookUrl("https://tether.example.com/", "abc")).toBe("https://tether.example.com/hooks/jira/abc");
    expect(webhookUrl(undefined, "abc")).toBeNull();
  });

  it("tells public hosts from loopback and private ones", () => {
    for (const url of ["https://tether.example.com", "http://8.8.8.8:3000", "https://[2001:db8::1]/"]) expect(isPubliclyReachable(url), url).toBe(true);
    for (const url of ["http://localhost:3000", "http://127.0.0.1", "http://10.1.2.3", "http://192.168.0.5", "http://172.20.0.1", "http://[::1]:3000", "http://[fd00::1]", "http://tether", "http://box.local"]) {
      expect(isPubliclyReachable(url), url).toBe(false);
    }
  });

  it("lets only a Jira in Tether's own network deliver to a private address", () => {
    expect(jiraCanReach("https://acme.atlassian.net", "http://127.0.0.1:3000")).toBe(false);
    expect(jiraCanReach("https://acme.atlassian.net", "http://192.168.1.20")).toBe(false);
    expect(jiraCanReach("https://acme.atlassian.net", "https://tether.example.com")).toBe(true);
    expect(jiraCanReach("http://127.0.0.1:8080", "http://127.0.0.1:3000")).toBe(true);
    expect(jiraCanReach("http://jira.internal:8080", "http://10.0.0.5:3000")).toBe(true);
  });

  it("is PUBLIC_URL, else the listening address only for a Jira on this machine", () => {
    const listening = { env: {}, listeningUrl: "http://127.0.0.1:3000" };
    expect(webhookBaseUrl({ env: { PUBLIC_URL: "https://tether.example.com" }, listeningUrl: "http://127.0.0.1:3000" }, "http://127.0.0.1:8080")).toBe("https://tether.example.com");
    expect(webhookBaseUrl(listening, "http://127.0.0.1:8080")).toBe("http://127.0.0.1:3000");
    expect(webhookBaseUrl(listening, "http://localhost:8080/jira")).toBe("http://127.0.0.1:3000");
    expect(webhookBaseUrl(listening, "https://acme.atlassian.net")).toBeUndefined();
    expect(webhookBaseUrl(listening, "http://jira.internal:8080")).toBeUndefined();
    expect(webhookBaseUrl({ env: {} }, "http://127.0.0.1:8080")).toBeUndefined();
  });
});
