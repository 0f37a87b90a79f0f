import { isMasked, type MaskedValue } from '@siso/shared';

/**
 * A maskable field the test reads in clear (the contract types it as the value or `{ masked: true }`):
 * the value itself, or a failure naming the field when the server masked it.
 */
export function unmasked<T>(value: T | MaskedValue, what = 'field'): Exclude<T, MaskedValue> {
  if (isMasked(value)) throw new Error(`${what} is masked`);
  return value as Exclude<T, MaskedValue>;
}
