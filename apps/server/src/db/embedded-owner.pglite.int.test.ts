import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { EmbeddedInUseError } from './embedded.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return { child, output: () => out, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const here = (p: string) => new URL(p, import.meta.url).pathname;

describe('the owner of an embedded data directory (issue 11)', () => {
  it('a second server refuses the directory while another process holds it, with the reason, and a server takes it once that process is gone', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-owner-'));
    dirs.push(dataDir);
    const holder = run([here('../testing/embedded-holder.ts'), dataDir]);
    await until(() => holder.output().includes('ready'), 'the first process to open the database');
    expect(holder.child.exitCode).toBeNull();

    // The real server entry point, as `npm run dev` or a second `npm start` would run it.
    const env: NodeJS.ProcessEnv = { ...process.env, SISO_DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', SISO_LOG_FORMAT: 'json', SISO_LOG_LEVEL: 'info', NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    const second = run([here('../main.ts')], env);
    expect(await second.exited).toBe(3);
    const fatal = second
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; ownerPid?: number })
      .find((l) => l.level === 60);
    expect(fatal?.ownerPid).toBe(holder.child.pid);
    expect(fatal?.msg).toContain(`è già aperto dal processo ${holder.child.pid}`);
    expect(fatal?.msg).toContain('SISO_DATA_DIR');
    expect(second.output()).not.toContain('pronto su');

    // In-process the same: a server refuses; a command-line tool (not exclusive) still uses the owner's socket.
    await expect(openDatabase({ dataDir, databaseUrl: undefined, poolMax: 2 }, { exclusive: true })).rejects.toBeInstanceOf(EmbeddedInUseError);
    const tool = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 2 });
    expect(tool.ownsEmbedded).toBe(false);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(tool.db)).rows[0]?.one).toBe(1);
    await tool.close();

    // The owner goes away cleanly: the directory is free, and a server opens it itself.
    holder.child.kill('SIGTERM');
    expect(await holder.exited).toBe(0);
    const server = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 2 }, { exclusive: true });
    try {
      expect(server.ownsEmbedded).toBe(true);
      expect(server.embeddedOrigin).toBe('existing');
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(server.db)).rows[0]?.one).toBe(1);
    } finally {
      await server.close();
    }
  }, 180_000);

  it('starts a new data directory from the pre-initialised starter instead of running initdb', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-starter-'));
    dirs.push(dataDir);
    const db = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 2 });
    try {
      expect(db.embeddedOrigin).toBe('starter');
      // An empty cluster: no table of ours (the migrations have not run), but a working PostgreSQL.
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(db.db);
      expect(r.rows[0]?.n).toBe(0);
    } finally {
      await db.close();
    }
  });
});
