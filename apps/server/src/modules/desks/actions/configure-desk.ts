import { sql } from 'kysely';
import { desksConfigure } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { deskReach } from '../desk-reach.js';
import { presentDesk, selectDesks } from '../desk-repo.js';
import { validateDeskConfig } from '../validate-desk-config.js';

/**
 * Configures a desk (issue 5, point 6): administrators, for the desks in their reach (an ambito
 * administrator only their ambito's: any other desk is 404). `version: null` creates the
 * configuration (409 if one exists already: someone configured it meanwhile); otherwise an
 * optimistic-locked update. Audited with the desk as target and the old and new values.
 */
export const configureDesk = defineHandler(desksConfigure, async (ctx, input) => {
  const actor = actorOf(ctx);
  const reach = deskReach(actor, 'desks.configure');
  const desk = (await selectDesks(ctx.tx, sql`o.id = ${input.officeId} AND ${reach}`, 1))[0];
  if (!desk) throw new AppError('not_found');
  await validateDeskConfig(ctx.tx, desk, input);
  const values = {
    desk_kind: input.kind,
    thematic_code: input.kind === 'thematic' ? input.thematicCode : null,
    mandatory_sections: input.mandatorySections,
    excluded_profiles: input.excludedProfiles,
    readable_classes: input.readableClasses,
    proposal_target: input.proposalTarget,
    privacy_per_desk: input.privacyPerDesk,
    email_subject: input.emailSubject || null,
    email_body: input.emailBody || null,
    access_points: input.accessPoints,
  };
  if (input.version === null) {
    const r = await sql`
      INSERT INTO desk_config (office_id, ambito_id, ente_id, desk_kind, thematic_code, mandatory_sections, excluded_profiles, readable_classes,
                               proposal_target, privacy_per_desk, email_subject, email_body, access_points, updated_by)
      VALUES (${desk.office_id}, ${desk.ambito_id}, ${desk.ente_id}, ${values.desk_kind}, ${values.thematic_code}, ${values.mandatory_sections}::text[],
              ${values.excluded_profiles}::text[], ${values.readable_classes}::text[], ${values.proposal_target}, ${values.privacy_per_desk},
              ${values.email_subject}, ${values.email_body}, ${values.access_points}::uuid[], ${actor.operatorId})
      ON CONFLICT (office_id) DO NOTHING`.execute(ctx.tx);
    if (Number(r.numAffectedRows ?? 0) !== 1) throw new AppError('conflict');
  } else {
    const r = await sql`
      UPDATE desk_config
         SET desk_kind = ${values.desk_kind}, thematic_code = ${values.thematic_code}, mandatory_sections = ${values.mandatory_sections}::text[],
             excluded_profiles = ${values.excluded_profiles}::text[], readable_classes = ${values.readable_classes}::text[],
             proposal_target = ${values.proposal_target}, privacy_per_desk = ${values.privacy_per_desk}, email_subject = ${values.email_subject},
             email_body = ${values.email_body}, access_points = ${values.access_points}::uuid[], updated_by = ${actor.operatorId},
             updated_at = now(), version = version + 1
       WHERE office_id = ${desk.office_id} AND version = ${input.version}`.execute(ctx.tx);
    // No row: never configured, or configured by someone else since it was read — a conflict either way.
    if (Number(r.numAffectedRows ?? 0) !== 1) throw new AppError('conflict');
  }
  const before = desk.configured ? { kind: desk.desk_kind, mandatorySections: desk.mandatory_sections, excludedProfiles: desk.excluded_profiles,
    readableClasses: desk.readable_classes, proposalTarget: desk.proposal_target, accessPoints: desk.access_points } : null;
  ctx.audit({
    targets: [{ kind: 'desk', id: desk.office_id }],
    classesChanged: ['public'],
    details: { before, after: { kind: values.desk_kind, mandatorySections: values.mandatory_sections, excludedProfiles: values.excluded_profiles,
      readableClasses: values.readable_classes, proposalTarget: values.proposal_target, accessPoints: values.access_points } },
  });
  const after = (await selectDesks(ctx.tx, sql`o.id = ${desk.office_id}`, 1))[0]!;
  return presentDesk(actor, after, { canConfigure: true, full: true });
});
