// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { computeFiscalCode } from '@siso/shared';
import { renderWithProviders } from '../../../../test/render';
import { emptyPersonForm, type PersonFormState } from '../../lib/personForm';
import { PersonForm } from './PersonForm';

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
const rossi = computeFiscalCode({ surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-01-01', birthPlaceCode: 'H501' });
const bianchi = computeFiscalCode({ surname: 'Bianchi', name: 'Anna', sex: 'F', birthDate: '2010-03-15', birthPlaceCode: 'C745' });

function answer(name: string, input: Record<string, unknown>) {
  if (name === 'reference.comuni' && input.belfiore === 'H501') return { items: [{ istatCode: '058091', belfiore: 'H501', name: 'Roma', provinceCode: '058', validFrom: null, validTo: null }] };
  if (name === 'reference.comuni' && input.belfiore === 'C745') return { items: [{ istatCode: '054013', belfiore: 'C745', name: 'Città di Castello', provinceCode: '054', validFrom: null, validTo: null }] };
  if (name === 'reference.comuni') return { items: [] };
  if (name === 'reference.states') return { items: [{ code: '201', belfiore: 'Z100', name: 'Albania', isoAlpha2: 'AL', isoNumeric: 8 }] };
  if (name === 'reference.codeList') return { items: [{ code: '1', label: 'Celibe/Nubile', group: null }, { code: '2', label: 'Coniugato/a', group: null }] };
  throw new Error(`unexpected ${name}`);
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url, init) => json(answer(String(url).replace('/api/', ''), JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>)));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let current: PersonFormState;
function Harness() {
  const [state, setState] = useState(() => emptyPersonForm('2026-05-01'));
  current = state;
  return <PersonForm state={state} setState={setState} creating issues={[]} />;
}
const lookups = (belfiore: string) => fetchMock.mock.calls.filter((c) => String(c[1]?.body).includes(belfiore)).map((c) => JSON.parse(String(c[1]?.body)) as unknown);

describe('PersonForm fiscal-code prefill', () => {
  it('fills sex, birth date and the birthplace valid on that date from a valid code', async () => {
    renderWithProviders(<Harness />);
    fireEvent.change(screen.getByLabelText(/^Codice fiscale/), { target: { value: rossi.toLowerCase() } });
    expect((screen.getByLabelText('Sesso') as HTMLSelectElement).value).toBe('M');
    expect((screen.getByLabelText('Data di nascita') as HTMLInputElement).value).toBe('1980-01-01');
    await waitFor(() => expect(current.birthPlace).toEqual({ kind: 'comune', code: '058091', name: 'Roma', belfiore: 'H501' }));
    expect((screen.getByRole('combobox', { name: 'Comune di nascita' }) as HTMLInputElement).value).toBe('Roma (H501)');
    expect(lookups('H501')).toEqual([{ belfiore: 'H501', on: '1980-01-01', limit: 5 }]);
  });

  it('asks the century when the code allows two, then looks the place up on the chosen date', async () => {
    renderWithProviders(<Harness />);
    fireEvent.change(screen.getByLabelText(/^Codice fiscale/), { target: { value: bianchi } });
    expect((screen.getByLabelText('Sesso') as HTMLSelectElement).value).toBe('F');
    expect((screen.getByLabelText('Data di nascita') as HTMLInputElement).value).toBe('');
    const question = screen.getByRole('group', { name: 'In quale anno è nata la persona?' });
    expect(question).toBeTruthy();
    fireEvent.click(screen.getByLabelText('15/03/2010'));
    expect((screen.getByLabelText('Data di nascita') as HTMLInputElement).value).toBe('2010-03-15');
    expect(screen.queryByRole('group', { name: 'In quale anno è nata la persona?' })).toBeNull();
    await waitFor(() => expect(current.birthPlace?.name).toBe('Città di Castello'));
    expect(lookups('C745')).toEqual([{ belfiore: 'C745', on: '2010-03-15', limit: 5 }]);
  });

  it('warns when the entered data disagree with the code', async () => {
    renderWithProviders(<Harness />);
    fireEvent.change(screen.getByLabelText(/^Cognome/), { target: { value: 'Verdi' } });
    fireEvent.change(screen.getByLabelText(/^Codice fiscale/), { target: { value: rossi } });
    expect(screen.getByText(/non corrispondono al codice fiscale: Cognome\./)).toBeTruthy();
    await waitFor(() => expect(current.birthPlace).not.toBeNull());
  });

  it('hides the identity fields of an anonymous person and the code box without a code', () => {
    renderWithProviders(<Harness />);
    fireEvent.click(screen.getByLabelText(/Senza codice fiscale/));
    expect(screen.queryByLabelText(/^Codice fiscale/)).toBeNull();
    expect(screen.getByText(/codice fiscale temporaneo, valido solo in SISO/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Persona anonima/));
    expect(screen.queryByLabelText(/^Cognome/)).toBeNull();
    expect(screen.queryByLabelText('Data di nascita')).toBeNull();
  });

  it('is axe-clean', async () => {
    const { container } = renderWithProviders(<Harness />);
    await act(async () => undefined);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('place combobox', () => {
  it('searches comuni as one types, moves with the arrows and chooses with Enter', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      const name = String(url).replace('/api/', '');
      const input = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      if (name === 'reference.comuni' && input.q) {
        return json({ items: [
          { istatCode: '054013', belfiore: 'C745', name: 'Città di Castello', provinceCode: '054', validFrom: null, validTo: null },
          { istatCode: '054014', belfiore: 'C990', name: 'Città della Pieve', provinceCode: '054', validFrom: null, validTo: '1990-01-01' },
        ] });
      }
      return json(answer(name, input));
    });
    renderWithProviders(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Comune di nascita' });
    fireEvent.change(box, { target: { value: 'citt' } });
    await screen.findByRole('option', { name: 'Città di Castello (C745)' }, { timeout: 2000 });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/2 risultati disponibili/)).toBeTruthy();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const active = box.getAttribute('aria-activedescendant');
    expect(document.getElementById(active ?? '')?.textContent).toBe('Città della Pieve (C990) — valido fino al 01/01/1990');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(current.birthPlace).toEqual({ kind: 'comune', code: '054013', name: 'Città di Castello', belfiore: 'C745' });
    expect((box as HTMLInputElement).value).toBe('Città di Castello (C745)');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });
});
