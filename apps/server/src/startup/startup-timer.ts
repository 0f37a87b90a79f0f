import { performance } from 'node:perf_hooks';

/**
 * The phases of a start (issue 11, point 6). bench/platform reads them from the "pronto" log line, so
 * the names are part of that line's contract: rename one and the bench's table follows.
 */
export const startupPhases = [
  /** scripts/start.mjs: checking the web assets and the prebuilt server, and rebuilding what changed. */
  'build',
  /** Node's own start and loading the server's code. */
  'imports',
  /** Opening the embedded database (PGlite in its worker) or the PostgreSQL pool. */
  'database',
  /** PostgreSQL's parser (WebAssembly) for the scope guard. */
  'sqlParser',
  /** The one-query check of what a previous start already did (startup/start-fingerprint.ts). */
  'fingerprint',
  'migrations',
  /** Vendored code lists (data/reference) into the ref_* tables. */
  'referenceData',
  /** The ANPR simulator of the demo, or the registry client. */
  'registry',
  /** Demo region and the built-in templates' permissions. */
  'seed',
  /** Fastify: routes, OpenAPI document, API docs, web assets. */
  'http',
  'listen',
  /** pg-boss and the schedules; after listen, so the interface answers while they start. */
  'jobs',
] as const;
export type StartupPhase = (typeof startupPhases)[number];

/**
 * Measures each phase of a start. Phases may overlap (the database opens while the code loads): each
 * one's figure is its own duration, and `readyMs` is the wall time from the process start.
 */
export class StartupTimer {
  readonly phases: Partial<Record<StartupPhase, number>> = {};

  constructor(private readonly onPhase: (phase: StartupPhase, ms: number) => void = () => undefined) {}

  /** Records a phase measured elsewhere (imports: from the process start to `main`). */
  record(phase: StartupPhase, ms: number): void {
    const rounded = Math.round(ms);
    this.phases[phase] = (this.phases[phase] ?? 0) + rounded;
    this.onPhase(phase, rounded);
  }

  async time<T>(phase: StartupPhase, run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      this.record(phase, performance.now() - t0);
    }
  }

  /** The time scripts/start.mjs spent on builds before loading the server (0 without it: dev, tests). */
  static startBuildMs(): number {
    const ms = (globalThis as Record<symbol, unknown>)[Symbol.for('siso.startBuildMs')];
    return typeof ms === 'number' ? ms : 0;
  }

  /** Milliseconds since the process started (performance's time origin). */
  sinceProcessStart(): number {
    return Math.round(performance.now());
  }
}
