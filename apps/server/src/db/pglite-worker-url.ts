/**
 * The script of the PGlite worker thread. From the TypeScript sources (tsx: tests, `npm run dev`, the
 * CLIs) it is the .mjs entry that registers tsx in the worker; scripts/server-build.mjs replaces this
 * module in the prebuilt server of `npm start` with the bundled worker next to the bundle.
 */
export const pgliteWorkerUrl = new URL('./pglite-worker-entry.mjs', import.meta.url);
