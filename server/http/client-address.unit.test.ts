import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.ts";

describe("client address for rate limits", () => {
  it("uses the socket peer unless a proxy is trusted", () => {
    expect(clientAddress({ trustProxy: false, forwardedFor: "203.0.113.9", socketAddress: "10.0.0.2" })).toBe("10.0.0.2");
    expect(clientAddress({ trustProxy: false, forwardedFor: undefined, socketAddress: undefined })).toBe("unknown");
  });

  it("behind a trusted proxy takes the hop the proxy added, not what the client wrote", () => {
    expect(clientAddress({ trustProxy: true, forwardedFor: "1.2.3.4, 203.0.113.9", socketAddress: "10.0.0.2" })).toBe("203.0.113.9");
    expect(clientAddress({ trustProxy: true, forwardedFor: " , ", socketAddress: "10.0.0.2" })).toBe("10.0.0.2");
    expect(clientAddress({ trustProxy: true, forwardedFor: undefined, socketAddress: "10.0.0.2" })).toBe("10.0.0.2");
  });
});
