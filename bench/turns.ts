import { Agent, request } from 'node:http';
import { message, type User } from '../test/helpers/activities.js';
import { percentile } from './stats.js';

export interface LoadResult {
  latenciesMs: number[];
  seconds: number;
  failures: number;
}

/**
 * A closed loop: `concurrency` clients, each posting its next activity as soon as the last was
 * answered, `total` requests in all, over kept-alive connections. Each client has its own user,
 * so one user's turns never overlap (as in Teams, where a person answers one question at a time).
 */
export async function closedLoop(url: string, clients: readonly { user: User; texts: () => string }[], serviceUrl: string, total: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients.length });
  const latenciesMs: number[] = [];
  let failures = 0;
  let started = 0;
  const began = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (started < total) {
        started += 1;
        const body = JSON.stringify(message(client.user, client.texts(), { serviceUrl }));
        const t0 = performance.now();
        const status = await post(agent, `${url}/api/messages`, body);
        latenciesMs.push(performance.now() - t0);
        if (status !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  return { latenciesMs, seconds, failures };
}

function post(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const summary = (r: LoadResult) => ({ p50: percentile(r.latenciesMs, 0.5), p99: percentile(r.latenciesMs, 0.99), rps: r.latenciesMs.length / r.seconds });
