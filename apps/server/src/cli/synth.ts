/**
 * `npm run synth -- --count 1000000 --seed 1 [--table synthetic_person] [--truncate]`:
 * fills an UNLOGGED table with deterministic synthetic people (needs the reference data loaded).
 */
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { generatePeople } from '../synthetic/generate-people.js';


interface Args {
  count: number;
  seed: number;
  table?: string;
  truncate: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 1000, seed: 1, truncate: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} richiede un valore`);
      return v;
    };
    const int = (v: string): number => {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${flag}: numero intero non negativo atteso, non "${v}"`);
      return n;
    };
    if (flag === '--count') args.count = int(value());
    else if (flag === '--seed') args.seed = int(value());
    else if (flag === '--table') args.table = value();
    else if (flag === '--truncate') args.truncate = true;
    else throw new Error(`opzione sconosciuta: ${flag} (uso: synth --count N --seed S [--table T] [--truncate])`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // The app's pool factory: the embedded database (or the running server's socket) or DATABASE_URL.
  const database = await openDatabase(loadConfig());
  const pool = database.pool;
  let lastPct = -1;
  try {
    const { rows, ms } = await generatePeople(pool, {
      ...args,
      onProgress(done, total) {
        const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
        if (pct !== lastPct) {
          lastPct = pct;
          process.stderr.write(`  ${pct}% (${done}/${total})\n`);
        }
      },
    });
    const rate = ms > 0 ? Math.round((rows / ms) * 1000) : rows;
    console.log(`${rows} persone in ${args.table ?? 'synthetic_person'} (seed ${args.seed}): ${(ms / 1000).toFixed(1)} s, ${rate} righe/s`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
