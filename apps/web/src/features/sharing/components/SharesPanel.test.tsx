// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { GrantListItem } from '@siso/shared';
import { i18n } from '../../../i18n/i18n';
import { sessionKey } from '../../../lib/query';
import { SharesPanel } from './SharesPanel';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const personId = id(1);
const grant = (n: number, over: Partial<GrantListItem> = {}): GrantListItem => ({
  id: id(100 + n), recordKind: 'person', recordId: personId, subjectKind: 'operator', subjectId: id(200 + n), purpose: 'Presa in carico congiunta',
  validFrom: '2026-03-01', validTo: '2026-06-30', hideInfoFrom: null, canWrite: false, grantedBy: id(9), createdAt: '2026-03-01T09:00:00.000Z', revokedAt: null,
  abilities: ['grants.revoke'], status: 'active', subjectName: 'Anna Sociale', subjectDetail: 'Servizio Sociale Professionale — Comune di Città di Castello',
  grantedByName: 'Roberto Settore', hideInfoFromName: null, ...over,
});

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const sent = (action: string) => {
  const c = fetchMock.mock.calls.findLast(([u]) => String(u) === `/api/${action}`);
  return c ? (JSON.parse(String(c[1]?.body)) as Record<string, unknown>) : undefined;
};
let items: GrantListItem[] = [];

beforeEach(async () => {
  await i18n.changeLanguage('it');
  items = [grant(1), grant(2, { subjectKind: 'office', subjectName: 'Sportello di Segretariato Sociale', subjectDetail: 'Comune di Umbertide', canWrite: true, status: 'expired', validTo: '2026-01-31', abilities: [], hideInfoFromName: 'Servizio Sociale Professionale' })];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url, init) => {
    const name = String(url).replace('/api/', '');
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    if (name === 'grants.find') return json({ items, nextCursor: null });
    if (name === 'grants.subjects') {
      const all = [{ kind: 'operator', id: id(301), name: 'Mario Rossi', detail: 'Servizio Sociale Professionale — Comune di Umbertide' }];
      return json({ items: body.kind === 'operator' ? all : [] });
    }
    if (name === 'grants.create') return json({ ...grant(3), subjectId: body.subjectId, canWrite: body.canWrite, purpose: body.purpose, abilities: ['grants.revoke'] });
    if (name === 'grants.revoke') {
      items = items.map((g) => (g.id === body.id ? { ...g, status: 'revoked', revokedAt: '2026-03-02T10:00:00.000Z', abilities: [] } : g));
      return json(grant(1, { status: 'revoked', revokedAt: '2026-03-02T10:00:00.000Z' }));
    }
    throw new Error(`unexpected ${name}`);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPanel(permissions: string[], canGiveWriting = true) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ctx = {
    assignmentId: id(50), regioneId: id(51), ambitoId: id(52), ambitoName: 'Alto Tevere', enteId: id(53), enteName: 'Comune di Città di Castello',
    officeId: id(54), officeName: 'Servizio Sociale Professionale', officeType: 'servizio_sociale_professionale' as const, professionalType: 'assistente_sociale' as const,
  };
  client.setQueryData(sessionKey, { status: 'ok', totpEnabled: false, operator: { id: id(9), username: 'assistente', displayName: 'Anna' }, context: ctx, contexts: [ctx], permissions, csrfToken: 'x' });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <SharesPanel id="condivisioni" recordKind="person" recordId={personId} canGiveWriting={canGiveWriting} />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('SharesPanel', () => {
  it('lists shares with names and words, never ids; nothing without grants.find', async () => {
    const { container } = renderPanel(['grants.find']);
    const table = await screen.findByRole('table', { name: 'Condivisioni, dalla più recente' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Anna Sociale');
    expect(rows[1]!.textContent).toContain('Sola lettura');
    expect(rows[1]!.textContent).toContain('dal 01/03/2026 al 30/06/2026');
    expect(rows[1]!.textContent).toContain('In vigore');
    expect(rows[2]!.textContent).toContain('Lettura e scrittura');
    expect(rows[2]!.textContent).toContain('Nasconde le informazioni di Servizio Sociale Professionale');
    expect(rows[2]!.textContent).toContain('Scaduta');
    expect(container.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Revoking is offered where the share's abilities say so; sharing needs grants.create.
    expect(within(table).getAllByRole('button', { name: /^Revoca/ })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Condividi' })).toBeNull();
    cleanup();
    renderPanel([]);
    expect(screen.queryByRole('heading', { name: 'Condivisioni' })).toBeNull();
  });

  it('shares with an operator found by name, for a period and a purpose, with writing and hiding the office', async () => {
    renderPanel(['grants.find', 'grants.create']);
    fireEvent.click(await screen.findByRole('button', { name: 'Condividi' }));
    const dialog = screen.getByRole('dialog', { name: 'Condividi questi dati' });
    // Nothing chosen and no purpose: both said, nothing sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Condividi' }));
    expect(within(dialog).getByText('Scegliere con chi condividere.')).toBeTruthy();
    expect(within(dialog).getByText('Scrivere una finalità di almeno 5 caratteri.')).toBeTruthy();
    expect(sent('grants.create')).toBeUndefined();

    fireEvent.change(within(dialog).getByLabelText("Cerca l'operatore per nome"), { target: { value: 'Rossi' } });
    fireEvent.click(await within(dialog).findByRole('radio', { name: /Mario Rossi/ }));
    expect(within(dialog).getByText('Scelto: Mario Rossi — Servizio Sociale Professionale — Comune di Umbertide.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Al giorno'), { target: { value: '2099-12-31' } });
    fireEvent.change(within(dialog).getByLabelText(/^Finalità/), { target: { value: 'Valutazione congiunta del caso' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Lettura e scrittura/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Nascondi le informazioni prodotte dal mio ufficio/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Condividi' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('grants.create')).toMatchObject({
      recordKind: 'person', recordId: personId, subjectKind: 'operator', subjectId: id(301), purpose: 'Valutazione congiunta del caso', validTo: '2099-12-31',
      canWrite: true, hideInfoFrom: id(54),
    });
    expect(screen.getByRole('status').textContent).toBe('Dati condivisi con Mario Rossi.');
  });

  it('offers writing only to who may write the record', async () => {
    renderPanel(['grants.find', 'grants.create'], false);
    fireEvent.click(await screen.findByRole('button', { name: 'Condividi' }));
    const write = screen.getByRole('radio', { name: /Lettura e scrittura/ }) as HTMLInputElement;
    expect(write.disabled).toBe(true);
    expect(screen.getByText('Si può condividere con scrittura solo ciò che si può modificare.')).toBeTruthy();
  });

  it('revokes after a confirmation and says so', async () => {
    renderPanel(['grants.find', 'grants.create', 'grants.revoke']);
    fireEvent.click(await screen.findByRole('button', { name: /^Revoca.*Anna Sociale/ }));
    const dialog = screen.getByRole('dialog', { name: 'Revocare la condivisione?' });
    expect(dialog.textContent).toContain('Anna Sociale (operatore)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoca la condivisione' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('grants.revoke')).toEqual({ id: id(101) });
    expect(screen.getByRole('status').textContent).toBe('Condivisione con Anna Sociale (operatore) revocata.');
    await waitFor(() => expect(screen.getAllByText('Revocata').length).toBe(1));
  });
});
