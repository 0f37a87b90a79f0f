/**
 * Small seeded pseudo-random generator for synthetic data: sfc32 (Chris Doty-Humphrey's
 * "Small Fast Counting" generator, 128-bit state, passes PractRand) seeded through splitmix32.
 * Deterministic across platforms because it uses only 32-bit integer arithmetic; no
 * `Math.random`, no Node APIs. Not for cryptography.
 */

function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
    // Fold seeds above 2^32 so that e.g. Date-like numbers still give distinct streams.
    const mix = splitmix32((seed >>> 0) ^ Math.floor(seed / 4294967296));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 15; i++) this.nextUint32(); // warm-up, as recommended for sfc32
  }

  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Approximately normal value (Irwin–Hall sum of six uniforms; bounded at about ±4.2σ). */
  normal(mean: number, sd: number): number {
    let s = 0;
    for (let i = 0; i < 6; i++) s += this.next();
    return mean + (s - 3) * Math.SQRT2 * sd;
  }

  /** A new independent generator derived from this one (e.g. one per household). */
  fork(): Rng {
    return new Rng(this.nextUint32());
  }
}

/** Picks items with the given relative weights in O(log n) (cumulative table + bisection). */
export class WeightedPicker<T> {
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('WeightedPicker needs as many weights as items (at least one)');
    }
    let sum = 0;
    this.cumulative = weights.map((w) => {
      if (!(w >= 0)) throw new RangeError('weights must be non-negative');
      sum += w;
      return sum;
    });
    if (sum <= 0) throw new RangeError('weights must not all be zero');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Builds a picker from `[item, weight]` pairs. */
export function weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): WeightedPicker<T> {
  return new WeightedPicker(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}
