// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FieldDefinitionView } from '@siso/shared';
import { renderWithProviders } from '../../../test/render';
import { i18n } from '../../../i18n/i18n';
import { CustomFieldsSection } from './CustomFieldsSection';

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const sent = (action: string) => {
  const call = fetchMock.mock.calls.find(([u]) => String(u) === `/api/${action}`);
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
};

const view = (f: Partial<FieldDefinitionView>): FieldDefinitionView => ({
  id: '00000000-0000-4000-8000-0000000000f1', ambitoId: '00000000-0000-4000-8000-0000000000a1', target: 'intake', appliesTo: null, key: 'tipo_assistenza',
  labelIt: 'Tipo di assistenza', labelEn: null, helpIt: null, helpEn: null, type: 'choice',
  options: [{ code: 'sad', labelIt: 'Assistenza domiciliare', labelEn: null, archived: false }], required: false, fieldClass: 'personal',
  min: null, max: null, minDate: null, maxDate: null, pattern: null, position: 0, validFrom: null, validTo: null, archived: false,
  updatedAt: '2025-01-01T10:00:00.000Z', version: 2, abilities: ['fields.upsert'], ...f,
});

beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CustomFieldsSection', () => {
  const template = view({ id: '00000000-0000-4000-8000-0000000000f2', ambitoId: null, key: 'numero_domanda_adi', labelIt: 'Numero domanda ADI', type: 'text', options: [], fieldClass: 'public', required: true, appliesTo: 'adi', abilities: [] });
  const own = view({ archived: true });

  it('lists target, type, class and required; offers edit only with the ability and new only with the permission', async () => {
    fetchMock.mockImplementation(async () => json({ items: [template, own], nextCursor: null }));
    renderWithProviders(<CustomFieldsSection canCreate={false} />);
    const table = await screen.findByRole('table', { name: 'Campi configurabili' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('modello regionale');
    expect(rows[0]!.textContent).toContain('Scheda di accesso (sportello)');
    expect(rows[0]!.textContent).toContain('adi');
    expect(rows[0]!.textContent).toContain('Testo breve');
    expect(rows[0]!.textContent).toContain('Pubblici');
    expect(rows[0]!.textContent).toContain('Sì');
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(rows[1]!.textContent).toContain('Archiviato');
    expect(within(rows[1]!).getByRole('button', { name: /^Modifica\s*Tipo di assistenza$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nuovo campo' })).toBeNull();
    expect(sent('fields.find')).toEqual({ limit: 50, includeArchived: true });
    fireEvent.change(screen.getByLabelText('Mostra i campi di'), { target: { value: 'person' } });
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => JSON.parse(String(init?.body)).target === 'person')).toBe(true));
  });

  it('opens the editor for a new field', async () => {
    fetchMock.mockImplementation(async () => json({ items: [], nextCursor: null }));
    renderWithProviders(<CustomFieldsSection canCreate />);
    await screen.findByText('Nessun campo configurato.');
    fireEvent.click(screen.getByRole('button', { name: 'Nuovo campo' }));
    expect(screen.getByRole('heading', { name: 'Nuovo campo' })).toBeTruthy();
  });
});
