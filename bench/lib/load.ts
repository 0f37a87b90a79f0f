import http from 'node:http';

/**
 * A closed-loop HTTP load generator: `concurrency` clients on keep-alive sockets, each sending its
 * next request as soon as the previous answer arrives, for `durationMs`. Exact percentiles from every
 * latency (autocannon reports p97.5, not p95).
 */
export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

export interface RequestSpec {
  port: number;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function once(agent: http.Agent, spec: RequestSpec): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      { host: '127.0.0.1', port: spec.port, method: spec.method, path: spec.path, agent, headers: spec.headers },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(spec.body);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(spec: RequestSpec, concurrency: number, durationMs: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + durationMs;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        try {
          latencies.push(await once(agent, spec));
        } catch {
          errors += 1;
        }
      }
    }),
  );
  agent.destroy();
  const elapsed = (Date.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
