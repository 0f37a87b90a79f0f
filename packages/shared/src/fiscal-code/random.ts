/**
 * Randomness for generated identifiers, usable in the browser and in Node: the Web Crypto
 * `getRandomValues` of `globalThis.crypto` (no Node-only API). Tests inject a deterministic
 * source instead: a function returning floats in [0, 1), like `Math.random` or `Rng.next`.
 */

export type RandomSource = () => number;

/** Uniform integer in [0, n) from Web Crypto, with rejection sampling to avoid modulo bias. */
function cryptoIndex(n: number): number {
  const crypto = (globalThis as { crypto?: { getRandomValues<T extends ArrayBufferView>(a: T): T } }).crypto;
  if (!crypto) throw new Error('no Web Crypto getRandomValues: pass a random source');
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const x = buf[0] as number;
    if (x < limit) return x % n;
  }
}

/** Uniform integer in [0, n): from `random` when given, else from Web Crypto. */
export function randomIndex(n: number, random?: RandomSource): number {
  if (!random) return cryptoIndex(n);
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`random source must return a number in [0, 1), got ${r}`);
  return Math.floor(r * n);
}

/** `length` characters drawn uniformly from `alphabet`. */
export function randomString(alphabet: string, length: number, random?: RandomSource): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(randomIndex(alphabet.length, random));
  return out;
}
