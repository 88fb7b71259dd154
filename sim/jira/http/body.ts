import type { IncomingMessage } from "node:http";
import type { MiddlewareHandler } from "hono";
import { badRequest } from "./errors.ts";
import type { SimContext, SimEnv } from "./router.ts";

/** The whole body, or null when the client went away before sending all of it. */
function readWholeBody(incoming: IncomingMessage): Promise<string | null> {
  if (incoming.readableEnded) return Promise.resolve(incoming.complete ? "" : null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const settle = () => {
      incoming.off("data", onData);
      incoming.off("end", settle);
      incoming.off("close", settle);
      incoming.off("error", settle);
      resolve(incoming.complete ? Buffer.concat(chunks).toString("utf8") : null);
    };
    incoming.on("data", onData);
    incoming.once("end", settle);
    incoming.once("close", settle);
    incoming.once("error", settle);
  });
}

/**
 * Takes the body off the socket as soon as the request arrives, before latency, auth or the
 * handler. Real Jira has the whole request once the client has sent it, so a client that then
 * gives up (timeout, abort) usually still gets its write committed — reading lazily from a
 * connection that has since closed would lose the body instead. A body cut short is refused and
 * nothing is written.
 */
export function bufferRequestBody(): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const text = await readWholeBody(c.env.incoming);
    if (text === null) throw badRequest(["Unexpected end of input: the request body was cut short."]);
    c.set("requestBody", text);
    await next();
  };
}

/** The request body as text: the buffered copy when there is one. */
export function requestText(c: SimContext): Promise<string> {
  const buffered = c.get("requestBody");
  return buffered === undefined ? c.req.text() : Promise.resolve(buffered);
}
