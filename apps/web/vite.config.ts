import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** bootstrap-italia's font files; loadFonts() in main.tsx points at `fontsUrl`. */
const fontsDir = join(dirname(require.resolve('bootstrap-italia/package.json')), 'dist', 'fonts');
const fontsUrl = '/bootstrap-italia/dist/fonts/';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const fontTypes: Record<string, string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  eot: 'application/vnd.ms-fontobject',
  svg: 'image/svg+xml',
  txt: 'text/plain',
};

/**
 * bootstrap-italia's fonts do not load by themselves: the dev server serves them from node_modules
 * and the build copies them to dist/bootstrap-italia/dist/fonts (they are never committed).
 */
function bootstrapItaliaFonts(): Plugin {
  return {
    name: 'siso:bootstrap-italia-fonts',
    configureServer(server) {
      server.middlewares.use(fontsUrl, (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const file = join(fontsDir, rel);
        if (!file.startsWith(fontsDir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', fontTypes[file.split('.').pop() ?? ''] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const file of listFiles(fontsDir)) {
        const fileName = `${fontsUrl.slice(1)}${relative(fontsDir, file).split(sep).join('/')}`;
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}

export default defineConfig(() => ({
  root: here,
  base: '/',
  plugins: [react(), bootstrapItaliaFonts()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // Libraries change less often than the app: a separate chunk stays cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
}));
