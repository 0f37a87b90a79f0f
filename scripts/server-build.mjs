// The prebuilt server of `npm start` (issue 11): apps/server/src and packages/shared bundled by esbuild
// into apps/server/dist/ — the boot code, a chunk for the rest (imported while the database opens) and
// the PGlite worker. Loading TypeScript through tsx at every start cost more than the rest of the start
// (its loader hooks resolve and transform some 500 files: ~4× the import time of the bundle, measured in
// bench/platform). Packages of node_modules stay external. Rebuilt by `npm start` when a source is newer,
// and by postinstall; `npm run dev`, the tests and the CLIs keep running the sources through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverDist = path.join(root, 'apps/server/dist');
const entry = path.join(serverDist, 'main.js');
const sources = [path.join(root, 'apps/server/src'), path.join(root, 'packages/shared/src')];
const inputs = [path.join(root, 'apps/server/package.json'), fileURLToPath(import.meta.url)];

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function serverBuildNeeded() {
  if (!fs.existsSync(entry)) return true;
  const built = fs.statSync(entry).mtimeMs;
  return Math.max(...sources.map(newestMtime), ...inputs.map((f) => fs.statSync(f).mtimeMs)) > built;
}

/**
 * Each source keeps its own location for `new URL('…', import.meta.url)` (migrations, reference data,
 * web assets, package.json): import.meta.url becomes the source file's URL, computed from the bundle's
 * own, so a moved checkout still finds its files.
 */
const sourceUrls = {
  name: 'siso-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8');
      if (args.path.endsWith(`${path.sep}db${path.sep}pglite-worker-url.ts`)) {
        // The bundled worker sits next to the chunks (esbuild writes every chunk into serverDist).
        contents = "export const pgliteWorkerUrl = new URL('./pglite-worker.js', import.meta.url);\n";
      } else if (contents.includes('import.meta.url')) {
        const rel = path.relative(serverDist, args.path).split(path.sep).join('/');
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

export async function buildServer() {
  const t0 = Date.now();
  const { build } = await import('esbuild');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'apps/server/package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies).filter((n) => n !== '@siso/shared').flatMap((n) => [n, `${n}/*`]);
  // Built beside the old one and swapped in, so a concurrent start never loads half a build (the
  // temporary directory is a sibling: the source URLs, relative to the bundle, stay the same).
  const tmp = `${serverDist}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: {
      main: 'apps/server/src/main.ts',
      'pglite-worker': 'apps/server/src/db/pglite-worker.ts',
      // For scripts/postinstall.mjs, which prepares the embedded database's starters at install time.
      'pglite-starter': 'apps/server/src/db/pglite-starter.ts',
      'prepared-starter': 'apps/server/src/startup/prepared-starter.ts',
    },
    absWorkingDir: root,
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    sourcemap: 'linked',
    chunkNames: '[name]-[hash]',
    plugins: [sourceUrls],
    logLevel: 'warning',
  });
  fs.rmSync(serverDist, { recursive: true, force: true });
  fs.renameSync(tmp, serverDist);
  console.log(`[siso] server compilato in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (serverBuildNeeded()) await buildServer();
}
export const serverEntry = pathToFileURL(entry).href;
export const starterModule = pathToFileURL(path.join(serverDist, 'pglite-starter.js')).href;
export const preparedStarterModule = pathToFileURL(path.join(serverDist, 'prepared-starter.js')).href;
