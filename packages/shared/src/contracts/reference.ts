import { z } from 'zod';
import { dateOnly } from '../wire/primitives.js';
import { defineAction } from './define.js';

/**
 * Reference data for forms (vendored ANPR/ISTAT tables, migration 0002): comuni valid on a date,
 * foreign states and code lists. Public data, but still a permission like every action.
 */
export const comuneView = z.object({
  istatCode: z.string(),
  belfiore: z.string().nullable(),
  name: z.string(),
  provinceCode: z.string(),
  validFrom: dateOnly.nullable(),
  validTo: dateOnly.nullable(),
});
export type ComuneView = z.infer<typeof comuneView>;

export const referenceComuni = defineAction({
  name: 'reference.comuni',
  kind: 'query',
  access: 'context',
  summary: 'Comuni italiani (con la storia ANPR): per nome o codice, validi alla data indicata',
  input: z
    .object({
      q: z.string().trim().min(2).max(100).optional(),
      belfiore: z.string().trim().toUpperCase().regex(/^[A-Z][0-9]{3}$/, 'invalid_format').optional(),
      istatCode: z.string().regex(/^[0-9]{6}$/, 'invalid_format').optional(),
      /** Only comuni that existed on this date (birth date, address start); default today. */
      on: dateOnly.optional(),
      limit: z.number().int().min(1).max(50).default(20),
    })
    .refine((i) => i.q || i.belfiore || i.istatCode, { message: 'ricerca_vuota', path: ['q'] }),
  output: z.object({ items: z.array(comuneView) }),
});

export const stateView = z.object({ code: z.string(), belfiore: z.string().nullable(), name: z.string(), isoAlpha2: z.string().nullable(), isoNumeric: z.number().nullable() });
export type StateView = z.infer<typeof stateView>;

export const referenceStates = defineAction({
  name: 'reference.states',
  kind: 'query',
  access: 'context',
  summary: 'Stati esteri (tabella ANPR/ISTAT, codici ISO 3166)',
  input: z.object({ q: z.string().trim().max(100).optional(), belfiore: z.string().trim().toUpperCase().regex(/^Z[0-9]{3}$/, 'invalid_format').optional() }),
  output: z.object({ items: z.array(stateView) }),
});

export const referenceCodeList = defineAction({
  name: 'reference.codeList',
  kind: 'query',
  access: 'context',
  summary: 'Una lista di codici (es. anpr.stato_civile, anpr.relazione_parentela) con i valori in vigore',
  input: z.object({ list: z.string().regex(/^[a-z]+\.[A-Za-z0-9_]+$/, 'invalid_format'), on: dateOnly.optional() }),
  output: z.object({
    items: z.array(
      z.object({
        code: z.string(),
        label: z.string().nullable(),
        /** The group a value belongs to, where the list has one (e.g. the class of a need in siso.bisogno). */
        group: z.string().nullable(),
      }),
    ),
  }),
});

export const referenceContracts = {
  [referenceComuni.name]: referenceComuni,
  [referenceStates.name]: referenceStates,
  [referenceCodeList.name]: referenceCodeList,
} as const;
