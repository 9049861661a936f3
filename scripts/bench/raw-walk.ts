import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** What a raw walk of a pool's users took. */
export interface RawWalk {
  ms: number;
  pages: number;
  users: number;
}

function post(agent: Agent, url: URL, operation: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * The floor of loading a pool's users: every ListUsers page of 60 over one keep-alive connection, one after another,
 * each body parsed as JSON and nothing else (no signing, no SDK, no rendering).
 */
export async function rawWalk(endpoint: string, poolId: string): Promise<RawWalk> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(endpoint);
  const started = performance.now();
  let token: string | undefined;
  let pages = 0;
  let users = 0;
  try {
    do {
      const page = (await post(agent, url, 'ListUsers', { UserPoolId: poolId, Limit: 60, PaginationToken: token })) as {
        Users?: unknown[]; PaginationToken?: string;
      };
      pages++;
      users += page.Users?.length ?? 0;
      token = page.PaginationToken;
    } while (token !== undefined);
  } finally {
    agent.destroy();
  }
  return { ms: performance.now() - started, pages, users };
}
