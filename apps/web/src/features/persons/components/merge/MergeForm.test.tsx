// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { PersonView } from '@siso/shared';
import { renderWithProviders } from '../../../../test/render';
import { MergeForm } from './MergeForm';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base: PersonView = {
  id: id(1), ambitoId: id(2), enteId: id(3), enteName: 'Comune', officeId: id(4), anonymous: false, anonymousCode: null,
  fiscalCode: 'RSSMRA80A01H501U', fiscalCodeKind: 'definitive', surname: 'ROSSI', name: 'MARIO', sex: 'M', birthDate: '1980-01-01',
  birthComuneIstat: '058091', birthStateCode: null, birthPlaceName: 'Roma', citizenships: [], civilStatus: '1', contacts: [], addresses: [],
  homeless: false, receptionFacility: null, gp: null, healthCardNumber: null, stpEniCode: null, dateOfDeath: null, notes: null, aliases: [],
  anprId: null, registrySync: false, registryCheckedAt: null, deceased: false, protected: false, protectionReason: null, mergedInto: null,
  createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-01-01T10:00:00Z', version: 1, abilities: ['persons.merge'],
};
const merged: PersonView = { ...base, id: id(9), version: 5, name: 'MARIO G.', notes: 'Seguito dal 2020', civilStatus: '2' };

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    if (name === 'persons.merge') return new Response(JSON.stringify(base), { status: 200 });
    return new Response(JSON.stringify({ items: [{ code: '1', label: 'Celibe/Nubile', group: null }, { code: '2', label: 'Coniugato/a', group: null }] }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MergeForm', () => {
  it('offers a choice only where the values differ, asks for a reason and a confirmation, then merges', async () => {
    renderWithProviders(<MergeForm survivor={base} merged={merged} onReload={() => undefined} />);
    expect(screen.getByRole('group', { name: 'Cognome' }).textContent).toContain('Uguale: ROSSI');
    const name = within(screen.getByRole('group', { name: 'Nome' }));
    expect((name.getByRole('radio', { name: 'ROSSI MARIO: MARIO' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Seguito dal 2020/ }) as HTMLInputElement).checked).toBe(true);
    expect(await within(screen.getByRole('group', { name: 'Stato civile' })).findByRole('radio', { name: /Coniugato\/a/ })).toBeTruthy();
    fireEvent.click(name.getByRole('radio', { name: 'ROSSI MARIO G.: MARIO G.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unisci' }));
    expect(screen.getByRole('alert').textContent).toContain('Motivo dell\'unione');
    fireEvent.change(screen.getByLabelText(/^Motivo dell'unione/), { target: { value: 'Stessa persona, doppio inserimento' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unisci' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('prendendo 2 dati da ROSSI MARIO G.');
    fireEvent.click(screen.getByRole('button', { name: "Conferma l'unione" }));
    await vi.waitFor(() => expect(fetchMock.mock.calls.some((c) => String(c[0]).endsWith('persons.merge'))).toBe(true));
    const body = JSON.parse(String(fetchMock.mock.calls.find((c) => String(c[0]).endsWith('persons.merge'))?.[1]?.body)) as unknown;
    expect(body).toEqual({ survivorId: id(1), survivorVersion: 1, mergedId: id(9), mergedVersion: 5, takeFromMerged: ['name', 'notes'], reason: 'Stessa persona, doppio inserimento' });
  });
});
