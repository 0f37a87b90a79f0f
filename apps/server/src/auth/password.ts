import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at the OWASP minimum (m = 19 MiB, t = 2, p = 1; OWASP Password Storage Cheat Sheet).
 * Tests use cheaper settings only through `fast`, never in production.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
}

export function createPasswordHasher(opts: { fast?: boolean } = {}): PasswordHasher {
  const params = opts.fast
    ? { memoryCost: 1024, timeCost: 1, parallelism: 1 }
    : { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, { ...params, algorithm: 2 }),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}

// A hash of nothing in particular: login verifies against it for unknown users, so the response
// time does not reveal whether a username exists.
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2lzby1kdW1teS1zYWx0$0mBNq4vY8VqLrDxCq6KtQ1mY0Jm2cKpx8x9h2wq0pLk';
