import { z } from 'zod';
import { writeAudit } from '../../../audit/audit-writer.js';
import { defineJob } from '../../../jobs/job-definition.js';
import { PERSON } from '../person-kinds.js';
import { SYSTEM_CALL, type RegistryChange } from '../registry/registry-client.js';
import { RegistryUnavailableError } from '../registry/registry-errors.js';
import { announceRegistryChange } from './announce-registry-change.js';
import { applyRegistryChange, type FollowedPerson } from './apply-registry-change.js';

/**
 * Nightly registry sync (issue 4, point 8): for each ambito, the people followed (`registry_sync`,
 * set for people with an open case) with a definitive fiscal code are asked to the registry for
 * changes since the last cursor; each change is applied as validity-dated history and announced to
 * the office holding the person and to the operators granted on them (the case team, once case files
 * exist), each as they asked (announce-registry-change.ts). A registry that times out or answers
 * garbage fails the run: pg-boss retries it with exponential backoff and the failure stays in the run
 * history and in registry_sync_state.
 */
export const registrySyncJob = defineJob({
  name: 'registry.sync',
  version: 1,
  title: 'Sincronizzazione anagrafe (ANPR)',
  description: "Scarica dall'anagrafe le variazioni delle persone seguite e le registra nello storico, con un avviso agli uffici.",
  payload: z.object({ ambitoId: z.uuid().optional() }),
  retryLimit: 4,
  retryDelaySeconds: 300,
  expireInSeconds: 3600,
  runAs: 'system',
  manual: true,
  async handler(ctx, { ambitoId }) {
    const registry = ctx.services.registry;
    if (registry.source === 'none') return { skipped: 'anagrafe non configurata' };
    const ambiti = await ctx.db.selectFrom('ambito').select('id').$if(Boolean(ambitoId), (q) => q.where('id', '=', ambitoId!)).execute();
    let applied = 0;
    let people = 0;
    for (const [i, a] of ambiti.entries()) {
      const followed = await ctx.db
        .selectFrom('person')
        .select(['id', 'ambito_id', 'ente_id', 'office_id', 'fiscal_code', 'anpr_id', 'surname', 'name', 'civil_status', 'date_of_death', 'citizenships'])
        .where('ambito_id', '=', a.id).where('registry_sync', '=', true).where('fiscal_code_kind', '=', 'definitive')
        .where('merged_into', 'is', null).where('archived_at', 'is', null)
        .execute();
      if (followed.length === 0) continue;
      people += followed.length;
      const state = await ctx.db.selectFrom('registry_sync_state').select('cursor').where('ambito_id', '=', a.id).executeTakeFirst();
      let result;
      try {
        result = await registry.changes(followed.map((p) => ({ personId: p.id, fiscalCode: p.fiscal_code!, anprId: p.anpr_id })), state?.cursor ?? null, SYSTEM_CALL);
      } catch (err) {
        const reason = err instanceof RegistryUnavailableError ? err.reason : 'error';
        await ctx.db.insertInto('registry_sync_state').values({ ambito_id: a.id, last_run_at: new Date(), last_outcome: 'failed', last_error: reason })
          .onConflict((oc) => oc.column('ambito_id').doUpdateSet({ last_run_at: new Date(), last_outcome: 'failed', last_error: reason })).execute();
        throw err;
      }
      const byId = new Map(followed.map((p) => [p.id, p]));
      await ctx.db.transaction().execute(async (tx) => {
        for (const r of result.resolved) await tx.updateTable('person').set({ anpr_id: r.anprId }).where('id', '=', r.personId).execute();
        const touched = new Map<string, RegistryChange['kind'][]>();
        for (const change of result.changes) {
          const row = await tx.selectFrom('person')
            .select(['id', 'ambito_id', 'ente_id', 'office_id', 'surname', 'name', 'civil_status', 'date_of_death', 'citizenships'])
            .where('id', '=', change.personId).executeTakeFirst();
          if (!row || !byId.has(change.personId)) continue;
          const changes = await applyRegistryChange(tx, row as FollowedPerson, change);
          if (changes.length === 0) continue;
          applied += 1;
          touched.set(row.id, [...(touched.get(row.id) ?? []), change.kind]);
        }
        for (const [personId, kinds] of touched) await announceRegistryChange(tx, byId.get(personId)!, kinds, ctx.services.config.publicUrl);
        await writeAudit(tx, {
          action: 'registry.sync', outcome: 'ok', actor: null, requestId: ctx.runId, clientIp: 'job',
          subjectPeople: [...touched.keys()], targets: [...touched.keys()].map((id) => ({ kind: PERSON, id })),
          classesChanged: touched.size > 0 ? ['personal'] : [], purpose: SYSTEM_CALL.reason,
          details: { source: registry.source, changes: result.changes.length, applied: touched.size, unknown: result.unknown.length },
        });
        await tx.insertInto('registry_sync_state').values({ ambito_id: a.id, cursor: result.cursor, last_run_at: new Date(), last_outcome: 'ok', last_error: null })
          .onConflict((oc) => oc.column('ambito_id').doUpdateSet({ cursor: result.cursor, last_run_at: new Date(), last_outcome: 'ok', last_error: null })).execute();
      });
      await ctx.progress(i + 1, ambiti.length, `ambito ${i + 1}/${ambiti.length}`);
    }
    // The outbox too: an announcement may have queued e-mails (email.send jobs).
    ctx.services.afterCommit({ audit: true, outbox: true });
    return { people, applied };
  },
});
