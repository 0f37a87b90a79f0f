/**
 * Test-only access to npm `codice-fiscale-js` 2.4.0 (root devDependency), the oracle the fiscal
 * code tests compare against. Never import this from production code (and it is not exported
 * from index.ts). Its .d.ts declares a default export, but at run time the CommonJS module
 * exports `{ CodiceFiscale }` (reference/standards.md §3.2), so we type the few members we use.
 */
import * as oracleModule from 'codice-fiscale-js';

export interface OracleCodiceFiscale {
  new (data: {
    name: string;
    surname: string;
    gender: 'M' | 'F';
    day: number;
    month: number;
    year: number;
    birthplace: string;
    birthplaceProvincia: string;
  }): { cf: string };
  surnameCode(surname: string): string;
  nameCode(name: string): string;
  dateCode(day: number, month: number, year: number, gender: 'M' | 'F'): string;
  getCheckCode(first15: string): string;
  check(code: string): boolean;
  getOmocodie(code: string): string[];
  /** Decodes a code (omocodic too): name parts as codes, place looked up by Belfiore code. */
  computeInverse(code: string): {
    name: string;
    surname: string;
    gender: 'M' | 'F';
    day: number;
    month: number;
    year: number;
    birthplace: string;
    birthplaceProvincia: string;
  };
  findLocationCode(name: string, province?: string): string;
}

export const CodiceFiscale = (oracleModule as unknown as { CodiceFiscale: OracleCodiceFiscale }).CodiceFiscale;
