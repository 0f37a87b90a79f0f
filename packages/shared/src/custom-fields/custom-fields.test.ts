import { describe, expect, it } from 'vitest';
import { fieldMessageText } from '../i18n/error-messages.js';
import { activeDefinitions, classChangeAllowed, customFieldDefinition, safePattern, type CustomFieldDefinitionInput } from './definition.js';
import { customValuesSchema } from './values.js';

const def = (d: Partial<CustomFieldDefinitionInput> & Pick<CustomFieldDefinitionInput, 'key' | 'type'>) =>
  customFieldDefinition.parse({ target: 'intake', labelIt: d.key, fieldClass: 'personal', ...d });

/** A thematic desk's extra fields (issue 5, point 6: ADI with extra fields). */
const definitions = [
  def({ key: 'numero_protocollo', type: 'text', required: true, pattern: '[A-Z]{2}[0-9]{4,6}', max: 8 }),
  def({ key: 'note_sanitarie', type: 'long_text', fieldClass: 'special', max: 50 }),
  def({ key: 'isee', type: 'number', min: 0, max: 100000 }),
  def({ key: 'data_domanda', type: 'date', minDate: '2020-01-01', maxDate: '2030-12-31' }),
  def({ key: 'invalidita_civile', type: 'boolean', fieldClass: 'special' }),
  def({ key: 'tipo_permesso', type: 'choice', fieldClass: 'foreigner', options: [{ code: 'lavoro', labelIt: 'Lavoro' }, { code: 'studio', labelIt: 'Studio', archived: true }] }),
  def({ key: 'servizi', type: 'multi_choice', max: 2, options: [{ code: 'sad', labelIt: 'SAD' }, { code: 'adi', labelIt: 'ADI' }, { code: 'pasti', labelIt: 'Pasti' }] }),
];

const issues = (values: Record<string, unknown>, partial = false) => {
  const r = customValuesSchema(definitions, { partial }).safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort();
};

describe('custom field definitions', () => {
  it('fills the defaults and checks the attributes against the type', () => {
    expect(def({ key: 'a', type: 'text' })).toMatchObject({ appliesTo: null, options: [], required: false, min: null, pattern: null, position: 0 });
    const bad = customFieldDefinition.safeParse({
      target: 'intake', key: 'Non slug', labelIt: 'x', type: 'choice', fieldClass: 'secret',
      options: [{ code: 'a', labelIt: 'A' }, { code: 'a', labelIt: 'B' }], min: 3, max: 1, pattern: 'x', minDate: '2024-01-01',
      validFrom: '2025-01-01', validTo: '2024-01-01',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
    expect(paths).toEqual(expect.arrayContaining(['key: invalid_format', 'fieldClass: invalid_value']));
    const refined = customFieldDefinition.safeParse({ target: 'intake', key: 'k', labelIt: 'x', type: 'choice', fieldClass: 'public', options: [{ code: 'a', labelIt: 'A' }, { code: 'a', labelIt: 'B' }], min: 3, max: 1, pattern: 'x', minDate: '2024-01-01', validFrom: '2025-01-01', validTo: '2024-01-01' });
    expect(refined.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort()).toEqual([
      'max: minimo_oltre_massimo', 'max: non_previsto_per_il_tipo', 'min: non_previsto_per_il_tipo', 'minDate: non_previsto_per_il_tipo',
      'options.1.code: codice_ripetuto', 'pattern: non_previsto_per_il_tipo', 'validTo: date_invertite',
    ]);
    expect(customFieldDefinition.safeParse({ target: 'intake', key: 'k', labelIt: 'x', type: 'choice', fieldClass: 'public' }).error!.issues[0]!.message).toBe('scelte_richieste');
    expect(customFieldDefinition.safeParse({ target: 'intake', key: 'k', labelIt: 'x', type: 'text', fieldClass: 'public', max: 501 }).error!.issues[0]!.message).toBe('too_big');
  });

  it('has a catalogue message for every key it reports', () => {
    for (const k of ['campo_non_configurato', 'scelte_richieste', 'non_previsto_per_il_tipo', 'codice_ripetuto', 'minimo_oltre_massimo', 'espressione_non_valida', 'classe_meno_restrittiva', 'non_modificabile', 'scelta_non_eliminabile']) {
      expect(fieldMessageText(k, 'it'), k).toBeTruthy();
    }
  });

  it('refuses patterns that could backtrack without end', () => {
    for (const ok of ['[A-Z]{2}[0-9]{4,6}', '(\\+39)?[0-9]{6,11}', '([A-Z]{2}-)?\\d+', '[a-z]+(?:-[a-z]+)?', 'a|b']) expect(safePattern(ok), ok).toBe(true);
    for (const bad of ['(a+)+', '(a|ab)*', '(?:a*b?)+c', '(\\d{2})*', '(a)\\1', '[', '(x?){2,}', '']) expect(safePattern(bad), bad).toBe(false);
  });

  it('allows a class change only to a stricter class', () => {
    expect(classChangeAllowed('public', 'personal')).toBe(true);
    expect(classChangeAllowed('personal', 'special')).toBe(true);
    expect(classChangeAllowed('public', 'foreigner')).toBe(true);
    expect(classChangeAllowed('special', 'special')).toBe(true);
    expect(classChangeAllowed('personal', 'public')).toBe(false);
    expect(classChangeAllowed('special', 'personal')).toBe(false);
    // The protected classes have different readers: none is stricter than another.
    expect(classChangeAllowed('special', 'foreigner')).toBe(false);
    expect(classChangeAllowed('judicial', 'reserved')).toBe(false);
  });

  it('picks the definitions offered at a place on a day, by position', () => {
    const all = [
      { ...def({ key: 'b', type: 'text', position: 2 }), archived: false },
      { ...def({ key: 'a', type: 'text', position: 2, appliesTo: 'adi' }), archived: false },
      { ...def({ key: 'c', type: 'text', position: 1, appliesTo: 'sportello_stranieri' }), archived: false },
      { ...def({ key: 'd', type: 'text', validTo: '2024-12-31' }), archived: false },
      { ...def({ key: 'e', type: 'text' }), archived: true },
      { ...def({ key: 'f', type: 'text', target: 'person' }), archived: false },
    ];
    expect(activeDefinitions(all, { target: 'intake', appliesTo: ['sportello_tematico', 'adi'], on: '2025-06-01' }).map((d) => d.key)).toEqual(['a', 'b']);
    expect(activeDefinitions(all, { target: 'intake', on: '2024-06-01' }).map((d) => d.key)).toEqual(['d', 'b']);
  });
});

describe('customValuesSchema', () => {
  it('accepts a valid map and normalises it (trimmed text, empty values as null, absent keys absent)', () => {
    const r = customValuesSchema(definitions).parse({
      numero_protocollo: ' AB1234 ', note_sanitarie: '', isee: 12500.5, data_domanda: '2025-03-01', invalidita_civile: false,
      tipo_permesso: 'studio', servizi: ['sad', 'adi'],
    });
    expect(r).toEqual({ numero_protocollo: 'AB1234', note_sanitarie: null, isee: 12500.5, data_domanda: '2025-03-01', invalidita_civile: false, tipo_permesso: 'studio', servizi: ['sad', 'adi'] });
  });

  it('reports every problem with the key as path and a catalogue message', () => {
    expect(
      issues({
        numero_protocollo: 'ab12', note_sanitarie: 'x'.repeat(51), isee: '12500', data_domanda: '2019-12-31', invalidita_civile: 'sì',
        tipo_permesso: 'asilo', servizi: ['sad', 'sad'], diagnosi: 'segreta',
      }),
    ).toEqual([
      'data_domanda: too_small', 'diagnosi: campo_non_configurato', 'invalidita_civile: invalid_type', 'isee: invalid_type', 'note_sanitarie: too_big',
      'numero_protocollo: invalid_format', 'servizi: invalid_value', 'tipo_permesso: invalid_value',
    ]);
    expect(issues({ numero_protocollo: 'AB1234', servizi: ['sad', 'adi', 'pasti'], data_domanda: '2025-02-30' })).toEqual(['data_domanda: data_non_valida', 'servizi: too_big']);
    expect(issues({ numero_protocollo: 'AB1234', servizi: ['altro'] })).toEqual(['servizi.0: invalid_value']);
    for (const i of issues({ numero_protocollo: 'ab', diagnosi: 1 })) expect(fieldMessageText(i.split(': ')[1]!, 'it'), i).toBeTruthy();
  });

  it('enforces required fields unless saving an incomplete record', () => {
    expect(issues({})).toEqual(['numero_protocollo: required']);
    expect(issues({ numero_protocollo: '  ' })).toEqual(['numero_protocollo: required']);
    expect(issues({}, true)).toEqual([]);
    expect(customValuesSchema(definitions, { partial: true }).parse({ numero_protocollo: null })).toEqual({ numero_protocollo: null });
  });
});
