import { sql } from 'kysely';
import { desksHome } from '@siso/shared';
import { officeTypes } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { todayInRome } from '../../persons/validate-person.js';
import { assertDeskOpen, settingsFromRow } from '../../intake/desk-access.js';
import { findIntakeSummaries } from '../../intake/intake-find.js';
import { presentProposals, proposalInbox, selectProposals } from '../../intake/proposals/proposal-repo.js';
import { presentTransfer, selectTransfers } from '../../intake/transfers/transfer-repo.js';
import { deskCountersOf } from '../desk-counters-query.js';
import { presentDesk, selectDesks } from '../desk-repo.js';

/**
 * The desk home (issue 5, point 1): the current desk, today's and incomplete schede (50 each),
 * schede received and waiting (50), open proposals for holders of the proposals inbox (20), and the
 * counters of the current month. The people listed are audited as read.
 */
export const deskHome = defineHandler(desksHome, async (ctx) => {
  const actor = actorOf(ctx);
  const c = actor.context;
  // Any office the actor works at: a third-sector access point has a home too.
  const deskRow = (await selectDesks(ctx.tx, sql`o.id = ${c.officeId}`, 1, undefined, officeTypes))[0];
  if (!deskRow) throw new AppError('not_found');
  // The desk's row carries its configuration: no second read of it.
  await assertDeskOpen(ctx.tx, actor, settingsFromRow(c.officeId, deskRow.configured ? deskRow : null));
  const today = todayInRome();
  const base = { officeId: c.officeId, allOffices: false } as const;
  const todays = await findIntakeSummaries(ctx, ctx.tx, actor, { ...base, from: today, to: today }, { limit: 50 });
  const incomplete = await findIntakeSummaries(ctx, ctx.tx, actor, { ...base, status: 'incomplete' }, { limit: 50 });
  const received = actor.permissions.has('intakeTransfers.find')
    ? (await selectTransfers(ctx.tx, actor, sql`t.dest_office_id = ${c.officeId} AND t.status = 'sent'`, 50, { inbox: true })).map((r) => presentTransfer(ctx, actor, r))
    : [];
  const proposals = actor.permissions.has('proposals.find')
    ? await presentProposals(ctx, ctx.tx, actor, await selectProposals(ctx.tx, actor, sql`${proposalInbox(actor)} AND t.status IN ('proposed', 'seen')`, 20, { inbox: true }))
    : [];
  const counters = await deskCountersOf(ctx.tx, actor, c.officeId, `${today.slice(0, 8)}01`, today);
  return {
    desk: presentDesk(actor, deskRow, { canConfigure: false, full: true }),
    today: todays.items,
    incomplete: incomplete.items,
    received,
    proposals,
    counters,
  };
});
