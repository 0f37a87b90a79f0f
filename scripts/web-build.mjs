// Builds the web app when apps/web/dist is missing or older than its sources (run by postinstall
// and by `npm start`), so `npm install && npm start` serves the interface with nothing else to do.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function webBuildNeeded() {
  if (!fs.existsSync(dist)) return true;
  const built = fs.statSync(dist).mtimeMs;
  const sources = [path.join(root, 'apps/web/src'), path.join(root, 'packages/shared/src')].map(newestMtime);
  return Math.max(...sources, fs.statSync(path.join(root, 'apps/web/index.html')).mtimeMs) > built;
}

export function buildWeb() {
  const t0 = Date.now();
  // Always a production build: a NODE_ENV inherited from a test run would mix React's development
  // JSX runtime into the production bundle (a blank page).
  execFileSync('npm', ['run', 'build', '-w', 'apps/web', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  console.log(`[siso] interfaccia web compilata in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && webBuildNeeded()) buildWeb();
