import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; rawBody: Buffer; json: Record<string, unknown>; receivedAt: number };

/** What the receiver answers to its n-th request (0-based): a status, or "hang" to force a timeout. */
export type Responder = (index: number, request: ReceivedWebhook) => number | "hang";

/** A loopback HTTP receiver for webhook tests: records every request with its raw body. */
export class TestReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: Responder = () => 200;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const rawBody = Buffer.concat(chunks);
        const webhook: ReceivedWebhook = { headers: request.headers, rawBody, json: JSON.parse(rawBody.toString("utf8")) as Record<string, unknown>, receivedAt: Date.now() };
        const index = this.received.length;
        this.received.push(webhook);
        const answer = this.respond(index, webhook);
        if (answer === "hang") return;
        response.writeHead(answer, { "Content-Type": "text/plain" }).end(answer < 300 ? "ok" : "no");
      });
    });
  }

  static async start(): Promise<TestReceiver> {
    const receiver = new TestReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }

  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/hooks/jira`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
