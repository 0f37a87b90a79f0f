// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DeskView, IntakeView, TransferView } from '@siso/shared';
import { renderWithProviders } from '../../test/render';
import { i18n } from '../../i18n/i18n';
import { SendIntakeDialog } from './SendIntakeDialog';

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const sent = (action: string) => {
  const call = fetchMock.mock.calls.findLast(([u]) => String(u) === `/api/${action}`);
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
};

const own = '00000000-0000-4000-8000-0000000000a1';
const other = '00000000-0000-4000-8000-0000000000a2';
const desk = (officeId: string, officeName: string, enteName: string): DeskView => ({
  officeId, officeName, officeType: 'sportello_accoglienza', officeEmail: null, enteId: `00000000-0000-4000-8000-${officeId.slice(-12).replace('a', 'e')}`, enteName,
  ambitoId: '00000000-0000-4000-8000-0000000000b1', ambitoName: 'Zona sociale 1', kind: 'general', thematicCode: null, mandatorySections: [], excludedProfiles: [],
  readableClasses: null, proposalTarget: 'ente', privacyPerDesk: false, emailSubject: null, emailBody: null, accessPoints: [], contactPoints: [], configured: true, version: 1, abilities: [],
});
// The dialog reads only these fields of the scheda; the rest of IntakeView is irrelevant here.
const intake = { id: '00000000-0000-4000-8000-0000000000c1', number: '2026/000007', officeId: own, version: 4, abilities: ['intakeRecords.send'] } as unknown as IntakeView;
const transfer: TransferView = {
  id: '00000000-0000-4000-8000-0000000000d1', sourceIntakeId: intake.id, sourceAmbitoName: 'Zona sociale 1', sourceEnteName: 'Comune A', sourceOfficeName: 'Sportello A',
  destAmbitoName: 'Zona sociale 1', destEnteName: 'Comune B', destOfficeId: other, destOfficeName: 'Sportello B', sentAt: '2026-11-28T10:00:00.000Z', sentByName: 'Silvia Accoglienza',
  message: 'Urgente', status: 'sent',
  snapshot: { number: intake.number, accessDate: '2026-11-28', accessMode: 'in_person', accessReason: 'spontaneous', interlocutorType: 'user', description: null, operatorName: 'Silvia', operatorEmail: null, officePhone: null, userSurname: { masked: true }, userName: null, userFiscalCode: null, userBirthDate: null, outcome: null, needs: [], requestedServices: [] },
  receivedIntakeId: null, refusalReason: null, decidedAt: null, decidedByName: null, version: 1, abilities: [],
};

beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answer(send: () => Response) {
  fetchMock.mockImplementation(async (url) => {
    if (String(url) === '/api/desks.find') return json({ items: [desk(own, 'Sportello A', 'Comune A'), desk(other, 'Sportello B', 'Comune B')], nextCursor: null });
    if (String(url) === '/api/intakeRecords.send') return send();
    return json({}, 404);
  });
}

describe('SendIntakeDialog', () => {
  it('is not offered without the send ability', () => {
    renderWithProviders(<SendIntakeDialog intake={{ ...intake, abilities: [] }} />);
    expect(screen.queryByRole('button', { name: 'Invia ad altro sportello' })).toBeNull();
  });

  it('opens a modal with focus inside, closes on Escape and gives focus back to its button', async () => {
    answer(() => json(transfer));
    renderWithProviders(<SendIntakeDialog intake={intake} />);
    const opener = screen.getByRole('button', { name: 'Invia ad altro sportello' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Invia la scheda 2026/000007' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('asks for a destination, lists the other desks by ente, sends and reports', async () => {
    answer(() => json(transfer));
    const onSent = vi.fn();
    renderWithProviders(<SendIntakeDialog intake={intake} onSent={onSent} />);
    fireEvent.click(screen.getByRole('button', { name: 'Invia ad altro sportello' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Invia la scheda' }));
    expect(within(dialog).getByText('Scegli lo sportello di destinazione.')).toBeTruthy();
    expect(sent('intakeRecords.send')).toBeUndefined();
    const group = await within(dialog).findByRole('group', { name: 'Zona sociale 1 — Comune B' });
    expect(within(dialog).queryByRole('radio', { name: /Sportello A/ })).toBeNull();
    fireEvent.click(within(group).getByRole('radio', { name: /Sportello B/ }));
    fireEvent.change(within(dialog).getByLabelText('Messaggio per lo sportello di destinazione'), { target: { value: ' Urgente ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Invia la scheda' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(sent('intakeRecords.send')).toEqual({ id: intake.id, version: 4, destOfficeId: other, message: 'Urgente' });
    expect(sent('desks.find')).toEqual({ purpose: 'destinations', limit: 50 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Scheda inviata a Sportello B (Comune B).');
  });

  it('says plainly when the scheda was already sent there (409)', async () => {
    answer(() => json({ code: 'conflict', message: 'Conflitto', details: [] }, 409));
    renderWithProviders(<SendIntakeDialog intake={intake} />);
    fireEvent.click(screen.getByRole('button', { name: 'Invia ad altro sportello' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('radio', { name: /Sportello B/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Invia la scheda' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/già stata inviata a questo sportello/);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
