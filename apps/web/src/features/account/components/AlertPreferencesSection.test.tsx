// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { alertTypeDefaults, alertTypes } from '@siso/shared';
import { renderWithProviders } from '../../../test/render';
import { i18n } from '../../../i18n/i18n';
import it_ from '../../../i18n/it.json';
import en from '../../../i18n/en.json';
import { AlertPreferencesSection } from './AlertPreferencesSection';

/**
 * The preferences screen lists every alert type the server produces (alertTypeDefaults, the same
 * catalogue notify() looks preferences up by) with its own label in both languages (issue 11, point 4):
 * a type added on the server without a label would show its raw key here.
 */
const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const items = alertTypes.map((type) => ({ type, ...alertTypeDefaults[type] }));

function labelIn(catalogue: unknown, type: string): unknown {
  return `account.alertTypes.${type}`.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogue);
}

beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockImplementation(async (url, init) => {
    if (String(url).startsWith('/api/alerts.getPreferences')) return json({ items });
    const sent = JSON.parse(String(init?.body)) as { items: typeof items };
    return json({ items: items.map((p) => sent.items.find((s) => s.type === p.type) ?? p) });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AlertPreferencesSection', () => {
  it('has an Italian and an English label for every alert type', () => {
    for (const type of alertTypes) {
      expect(typeof labelIn(it_, type), `it: ${type}`).toBe('string');
      expect(typeof labelIn(en, type), `en: ${type}`).toBe('string');
    }
  });

  it('lists every alert type with its Italian label and both channels, and saves a change at once', async () => {
    renderWithProviders(<AlertPreferencesSection />);
    const rows = await screen.findAllByRole('rowheader');
    expect(rows.map((r) => r.textContent)).toEqual(alertTypes.map((type) => labelIn(it_, type)));
    expect(screen.getByRole('checkbox', { name: 'Variazione anagrafica di una persona seguita (ANPR): In SISO' })).toHaveProperty('checked', true);
    const mail = screen.getByRole('checkbox', { name: 'Variazione anagrafica di una persona seguita (ANPR): E-mail' });
    expect(mail).toHaveProperty('checked', false);
    fireEvent.click(mail);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Preferenze salvate.'));
    const saved = fetchMock.mock.calls.filter(([u]) => String(u) === '/api/alerts.setPreferences').map(([, init]) => JSON.parse(String(init?.body)));
    expect(saved).toEqual([{ items: [{ type: 'registry.change', inApp: true, email: true }] }]);
  });
});
