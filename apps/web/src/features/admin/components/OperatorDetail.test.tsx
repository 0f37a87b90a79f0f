// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { OperatorView } from '@siso/shared';
import { renderWithProviders } from '../../../test/render';
import { i18n } from '../../../i18n/i18n';
import { OperatorDetail } from './OperatorDetail';

const id = '00000000-0000-4000-8000-0000000000a1';
const operator = (o: Partial<OperatorView>): OperatorView => ({
  id, username: 'anna', givenName: 'Anna', familyName: 'Sociale', fiscalCode: null, email: null, locale: 'it',
  mustChangePassword: false, locked: false, disabled: false, totpEnabled: true, lastLoginAt: null, version: 3,
  abilities: ['operators.get'], assignments: [], ...o,
});

const fetchMock = vi.fn<typeof fetch>();
let current: OperatorView;
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    const action = String(url).replace('/api/', '');
    if (action === 'operators.get') return json(current);
    if (action === 'operators.resetTotp') {
      current = operator({ totpEnabled: false, version: 4, abilities: ['operators.get'] });
      return json(current);
    }
    if (action === 'organisation.tree') return json({ regione: { id, name: 'Umbria' }, ambiti: [], abilities: [] });
    return json({ items: [], grantable: [], maxScope: 'ambito' });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('OperatorDetail', () => {
  it('offers the TOTP reset only with its ability, and shows the result', async () => {
    current = operator({ abilities: ['operators.get', 'operators.resetTotp'] });
    renderWithProviders(<OperatorDetail id={id} onClose={() => undefined} />);
    const button = await screen.findByRole('button', { name: "Azzera l'autenticazione a due fattori" });
    expect(screen.getByText('Attiva')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(fetchMock.mock.calls.some(([u]) => String(u) === '/api/operators.resetTotp')).toBe(true));
    const sent = fetchMock.mock.calls.find(([u]) => String(u) === '/api/operators.resetTotp')![1];
    expect(JSON.parse(String(sent?.body))).toEqual({ id });
    await screen.findByText('Non attiva');
    expect(screen.queryByRole('button', { name: "Azzera l'autenticazione a due fattori" })).toBeNull();
  });

  it('hides the button without the ability', async () => {
    current = operator({});
    renderWithProviders(<OperatorDetail id={id} onClose={() => undefined} />);
    await screen.findByText('Attiva');
    expect(screen.queryByRole('button', { name: "Azzera l'autenticazione a due fattori" })).toBeNull();
  });
});
