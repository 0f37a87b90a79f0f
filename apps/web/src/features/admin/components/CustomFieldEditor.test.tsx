// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { FieldDefinitionView } from '@siso/shared';
import { renderWithProviders } from '../../../test/render';
import { i18n } from '../../../i18n/i18n';
import { CustomFieldEditor } from './CustomFieldEditor';

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

describe('CustomFieldEditor', () => {
  it('checks the definition before sending, with an error summary linked to the fields, and is axe-clean', async () => {
    const { container } = renderWithProviders(<CustomFieldEditor onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText(/^Chiave/), { target: { value: 'Numero Domanda' } });
    fireEvent.change(screen.getByLabelText('Tipo di campo'), { target: { value: 'choice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Correggere i campi indicati');
    const links = within(summary).getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(expect.arrayContaining(['Chiave: Formato non valido.', 'Etichetta in italiano: Campo obbligatorio.', 'Scelte: Indicare almeno una scelta.']));
    expect(screen.getByLabelText(/^Chiave/).getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('sends a choice field with its options and the chosen class, explaining each class', async () => {
    fetchMock.mockImplementation(async () => json(view({})));
    const onClose = vi.fn();
    renderWithProviders(<CustomFieldEditor onClose={onClose} />);
    fireEvent.change(screen.getByLabelText(/^Chiave/), { target: { value: 'tipo_assistenza' } });
    fireEvent.change(screen.getByLabelText(/^Etichetta in italiano/), { target: { value: 'Tipo di assistenza' } });
    fireEvent.change(screen.getByLabelText('Tipo di campo'), { target: { value: 'multi_choice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi una scelta' }));
    fireEvent.change(screen.getByLabelText(/^Scelta 1 — Codice/), { target: { value: 'sad' } });
    fireEvent.change(screen.getByLabelText(/^Scelta 1 — Etichetta \*/), { target: { value: 'Assistenza domiciliare' } });
    fireEvent.change(screen.getByLabelText('Scelte massime'), { target: { value: '2' } });
    const special = screen.getByLabelText(/^Particolari/);
    expect(special.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(special.getAttribute('aria-describedby')!)?.textContent).toContain('GDPR art. 9');
    fireEvent.click(special);
    fireEvent.click(screen.getByLabelText('Compilazione obbligatoria'));
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent('fields.upsert')).toEqual({
      target: 'intake', appliesTo: null, key: 'tipo_assistenza', labelIt: 'Tipo di assistenza', labelEn: null, helpIt: null, helpEn: null, type: 'multi_choice',
      options: [{ code: 'sad', labelIt: 'Assistenza domiciliare', labelEn: null, archived: false }], required: true, fieldClass: 'special',
      min: null, max: 2, minDate: null, maxDate: null, pattern: null, position: 0, validFrom: null, validTo: null,
    });
  });

  it('fixes target, key, type and saved choices of an existing field, offers only stricter classes, and shows the server’s refusal', async () => {
    fetchMock.mockImplementation(async () =>
      json({ code: 'invalid_input', message: 'Dati non validi: controllare i campi indicati.', details: [{ path: 'fieldClass', message: 'La classe di dati si può solo rendere più protetta.' }] }, 400),
    );
    renderWithProviders(<CustomFieldEditor field={view({})} onClose={() => undefined} />);
    expect((screen.getByLabelText(/^Chiave/) as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('Tipo di campo') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText(/^Scelta 1 — Codice/) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: /Rimuovi/ })).toBeNull();
    expect((screen.getByLabelText(/^Pubblici/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText(/^Personali/) as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByLabelText(/^Giudiziari/) as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Classe di dati: La classe di dati si può solo rendere più protetta.');
    expect(sent('fields.upsert')).toMatchObject({ id: view({}).id, version: 2, archived: false, fieldClass: 'personal' });
  });
});
