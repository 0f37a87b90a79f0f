// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderWithProviders } from '../../../test/render';
import type { FoundPerson } from '../hooks/usePersons';
import { PersonSearchResults } from './PersonSearchResults';

afterEach(cleanup);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base: FoundPerson = {
  id: id(1), inScope: true, score: 0.98, matchedOn: ['name'], anonymous: false, anonymousCode: null, fiscalCode: 'RSSMRA80A01H501U',
  fiscalCodeKind: 'definitive', surname: 'ROSSI', name: 'MARIO', sex: 'M', birthDate: '1980-01-01', birthPlaceName: 'Roma', enteId: id(10),
  enteName: 'Comune di Città di Castello', deceased: false, protected: false, slots: { caseFile: { unknown: true } }, abilities: ['persons.get'],
};
const items: FoundPerson[] = [
  base,
  // In scope, but the profile may not read the fiscal code or the birth date.
  { ...base, id: id(2), surname: 'ROSSI', name: 'MARIA', fiscalCode: { masked: true }, birthDate: { masked: true }, fiscalCodeKind: 'temporary', deceased: true },
  // A limited preview of someone held by another ente.
  { ...base, id: id(3), inScope: false, surname: 'ROSSINI', name: 'MARIO', fiscalCode: 'RSSMRA80A01G478X', birthPlaceName: { masked: true }, enteName: 'Comune di Umbertide', abilities: [] },
  { ...base, id: id(4), anonymous: true, anonymousCode: 'ANON-7Q2K', surname: null, name: null, fiscalCode: null, fiscalCodeKind: null, birthDate: null },
];

describe('PersonSearchResults', () => {
  it('links people in scope to their page and shows masked values as “Riservato”', () => {
    renderWithProviders(<PersonSearchResults items={items} loading={false} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    const first = within(rows[0]!);
    expect(first.getByRole('link', { name: 'ROSSI MARIO' }).getAttribute('href')).toBe(`/persone/${id(1)}`);
    expect(first.getByText('01/01/1980')).toBeTruthy();
    expect(first.getByText('RSSMRA80A01H501U')).toBeTruthy();
    const second = within(rows[1]!);
    expect(second.getByRole('link', { name: 'ROSSI MARIA' })).toBeTruthy();
    expect(second.getAllByText('Riservato')).toHaveLength(2);
    expect(second.getByText('Deceduta')).toBeTruthy();
    expect(second.getByText('Codice fiscale temporaneo')).toBeTruthy();
  });

  it('shows people outside the scope as a preview: name, birth date, code, ente and a badge, no link', () => {
    renderWithProviders(<PersonSearchResults items={items} loading={false} />);
    const preview = within(screen.getAllByRole('row')[3]!);
    expect(preview.queryByRole('link')).toBeNull();
    expect(preview.getByText('ROSSINI MARIO')).toBeTruthy();
    expect(preview.getByText('01/01/1980')).toBeTruthy();
    expect(preview.getByText('RSSMRA80A01G478X')).toBeTruthy();
    expect(preview.getByText('Comune di Umbertide')).toBeTruthy();
    expect(preview.getByText('fuori dal proprio ambito di visibilità')).toBeTruthy();
  });

  it('shows the privacy status and the schede the operator may read (intake desk slots)', () => {
    const withSlots: FoundPerson[] = [
      { ...base, slots: { privacy: 'signed', intake: { complete: 2, incomplete: 1, lastAccessDate: '2026-11-20' } } },
      { ...base, id: id(5), slots: { privacy: 'not_signed' } },
    ];
    renderWithProviders(<PersonSearchResults items={withSlots} loading={false} />);
    const [first, second] = screen.getAllByRole('row').slice(1).map((r) => within(r));
    expect(first!.getByText('Informativa firmata')).toBeTruthy();
    expect(first!.getByText('Schede: 2 complete, 1 incomplete (ultimo accesso 20/11/2026)')).toBeTruthy();
    expect(second!.getByText('Informativa non firmata')).toBeTruthy();
    expect(second!.queryByText(/^Schede:/)).toBeNull();
  });

  it('names an anonymous person by their code', () => {
    renderWithProviders(<PersonSearchResults items={items} loading={false} />);
    const anon = within(screen.getAllByRole('row')[4]!);
    expect(anon.getByRole('link', { name: 'ANON-7Q2K' })).toBeTruthy();
    expect(anon.getByText('Anonima')).toBeTruthy();
  });

  it('gives no links without the ability persons.get', () => {
    renderWithProviders(<PersonSearchResults items={items.map((p) => ({ ...p, abilities: [] }))} loading={false} />);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('announces the count, and offers “Nuova persona” only when creation is possible', () => {
    const onCreate = vi.fn();
    const { rerender } = renderWithProviders(<PersonSearchResults items={items} loading={false} />);
    expect(screen.getByRole('status').textContent).toBe('4 persone trovate.');
    expect(screen.queryByRole('button', { name: 'Nuova persona' })).toBeNull();
    rerender(<PersonSearchResults items={items} loading={false} onCreate={onCreate} />);
    fireEvent.click(screen.getByRole('button', { name: 'Nuova persona' }));
    expect(onCreate).toHaveBeenCalled();
  });

  it('says nobody was found and offers creation', () => {
    renderWithProviders(<PersonSearchResults items={[]} loading={false} onCreate={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('Nessuna persona trovata.');
    expect(screen.getByText('Nessuna persona trovata')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nuova persona' })).toBeTruthy();
  });

  it('is axe-clean', async () => {
    const { container } = renderWithProviders(<PersonSearchResults items={items} loading={false} onCreate={() => undefined} />);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
