// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DeskView } from '@siso/shared';
import { renderWithProviders } from '../../../test/render';
import { i18n } from '../../../i18n/i18n';
import { DesksSection } from './DesksSection';

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const calls = (action: string) => fetchMock.mock.calls.filter(([u]) => String(u) === `/api/${action}`).map(([, init]) => JSON.parse(String(init?.body)));

const desk: DeskView = {
  officeId: '00000000-0000-4000-8000-0000000000a1', officeName: 'Sportello di Segretariato Sociale', officeType: 'sportello_accoglienza', officeEmail: null,
  enteId: '00000000-0000-4000-8000-0000000000e1', enteName: 'Comune A', ambitoId: '00000000-0000-4000-8000-0000000000b1', ambitoName: 'Zona 1',
  kind: 'general', thematicCode: null, mandatorySections: ['access'], excludedProfiles: [], readableClasses: null, proposalTarget: 'ente', privacyPerDesk: false,
  emailSubject: null, emailBody: null, accessPoints: [], contactPoints: [], configured: true, version: 3, abilities: ['desks.configure'],
};

let configureAnswer: () => Response;
beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  configureAnswer = () => json({ ...desk, version: 4 });
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    if (name === 'desks.find') return json({ items: [desk], nextCursor: null });
    if (name === 'desks.configure') return configureAnswer();
    return json({}, 403);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openForm() {
  renderWithProviders(<DesksSection />);
  fireEvent.click(await screen.findByRole('button', { name: /^Configura\s*Sportello di Segretariato Sociale \(Comune A\)$/ }));
  return screen.getByRole('region', { name: /Configura Sportello di Segretariato Sociale/ });
}

describe('DesksSection', () => {
  it('saves kind, thematic code, sections and masking with the version, and announces it', async () => {
    const form = await openForm();
    fireEvent.change(within(form).getByLabelText('Tipo di sportello'), { target: { value: 'thematic' } });
    fireEvent.change(within(form).getByLabelText('Codice tematico'), { target: { value: 'adi' } });
    const sections = within(form).getByRole('group', { name: 'Sezioni obbligatorie per completare la scheda' });
    fireEvent.click(within(sections).getByLabelText('Esito'));
    fireEvent.click(within(form).getByLabelText('Solo le classi di dati scelte'));
    fireEvent.click(within(within(form).getByRole('group', { name: 'Classi di dati leggibili' })).getByLabelText('Pubblici'));
    expect(within(form).getByText('{{number}}')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Configurazione salvata.'));
    expect(calls('desks.configure')).toEqual([
      {
        officeId: desk.officeId, version: 3, kind: 'thematic', thematicCode: 'adi', mandatorySections: ['access', 'outcome'], excludedProfiles: [],
        readableClasses: ['public'], proposalTarget: 'ente', privacyPerDesk: false, emailSubject: null, emailBody: null, accessPoints: [],
      },
    ]);
  });

  it('on a concurrent change (409) offers to reload', async () => {
    configureAnswer = () => json({ code: 'conflict', message: 'Conflitto', details: [] }, 409);
    const form = await openForm();
    fireEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/modificato nel frattempo/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Ricarica' }));
    await waitFor(() => expect(calls('desks.find').length).toBeGreaterThan(1));
    expect(await screen.findByRole('region', { name: /Configura Sportello di Segretariato Sociale/ })).toBeTruthy();
  });
});
