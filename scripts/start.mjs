// `npm start`: builds the web app if needed, then runs the server in this same process (TypeScript
// through tsx), so signals reach it directly and no orphan child is left behind.
import { register } from 'tsx/esm/api';
import { buildWeb, webBuildNeeded } from './web-build.mjs';

if (webBuildNeeded()) buildWeb();
register();
await import('../apps/server/src/main.ts');
