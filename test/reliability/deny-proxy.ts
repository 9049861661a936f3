import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';

/** An IAM-style refusal to answer for one operation. */
export interface Denial {
  type: 'AccessDeniedException' | 'NotAuthorizedException';
  message: string;
}

/** A proxy in front of the emulator that refuses some operations, as a policy missing one action would. */
export interface DenyProxy {
  url: string;
  /** Operations refused so far, in order. */
  denied: string[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a proxy to `target` that answers the operations in `deny` with their denial and forwards the rest. */
export async function startDenyProxy(target: string, deny: ReadonlyMap<string, Denial>): Promise<DenyProxy> {
  const denied: string[] = [];
  const server = createServer((req, res) => {
    void body(req).then(async (payload) => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const denial = deny.get(operation);
      if (denial) {
        denied.push(operation);
        const text = JSON.stringify({ __type: denial.type, message: denial.message });
        res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': denial.type, 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'x-amz-target', 'authorization', 'x-amz-date']) {
        const v = req.headers[name];
        if (typeof v === 'string') headers[name] = v;
      }
      const answer = await fetch(target, { method: 'POST', headers, body: new Uint8Array(payload) });
      const text = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string | number> = { 'Content-Length': text.length };
      for (const name of ['content-type', 'x-amzn-requestid', 'x-amzn-errortype']) {
        const v = answer.headers.get(name);
        if (v) out[name] = v;
      }
      res.writeHead(answer.status, out);
      res.end(text);
    }).catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy got no TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    denied,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
