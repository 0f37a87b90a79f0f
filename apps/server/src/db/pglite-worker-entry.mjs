// Worker threads cannot load .ts files by themselves: register tsx in the worker, then load the code.
import { register } from 'tsx/esm/api';
register();
await import('./pglite-worker.ts');
