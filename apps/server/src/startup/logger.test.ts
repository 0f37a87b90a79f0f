import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { logFormat } from './logger.js';

/** Runs createLogger in a child process, so its output is the process's real standard output. */
function logged(format: 'pretty' | 'json'): string {
  const script = `const { createLogger } = await import(${JSON.stringify(new URL('./logger.ts', import.meta.url).href)});
    const log = await createLogger('info', '${format}');
    log.info({ phase: 'database', ms: 812 }, 'avvio: database 812 ms');
    log.debug('non scritta a info');`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('log format (issue 11)', () => {
  it('auto: readable on a terminal, JSON otherwise; pretty and json force one', () => {
    expect(logFormat('auto', { isTTY: true })).toBe('pretty');
    expect(logFormat('auto', { isTTY: false })).toBe('json');
    expect(logFormat('auto', {})).toBe('json');
    expect(logFormat('json', { isTTY: true })).toBe('json');
    expect(logFormat('pretty', { isTTY: false })).toBe('pretty');
  });

  it('pretty writes one readable line per entry (time, level, message, fields), not JSON', () => {
    const out = logged('pretty');
    const plain = out.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''); // colour codes
    expect(plain).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: avvio: database 812 ms\n/);
    expect(plain).toContain('phase: "database"');
    expect(plain).not.toContain('{"level"');
    expect(plain).not.toContain('non scritta');
  });

  it('json writes one JSON object per line', () => {
    const lines = logged('json').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'avvio: database 812 ms', phase: 'database', ms: 812 });
  });
});
