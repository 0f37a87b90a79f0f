/** Italian labels of the intake desk's enumerations for printed documents and exports (siso-original §5.1). */
export const intakeStatusLabels: Record<string, string> = { incomplete: 'Incompleta', complete: 'Completa' };
export const accessModeLabels: Record<string, string> = {
  in_person: 'Di persona', email: 'E-mail', home_visit: 'Visita domiciliare', written_referral: 'Segnalazione scritta',
  phone_referral: 'Segnalazione telefonica', other_remote: 'Altro a distanza',
};
export const accessReasonLabels: Record<string, string> = { spontaneous: 'Spontaneo', sent_by: 'Inviato da', summoned: 'Convocato', decree: 'Decreto' };
export const outcomeLabels: Record<string, string> = {
  information: 'Solo informazioni', oriented: 'Orientato', sent: 'Inviato ad altro servizio', take_charge_proposal: 'Proposta di presa in carico',
};
export const socialCategoryLabels: Record<string, string> = {
  famiglia_minori: 'Famiglia e minori', disabili: 'Disabili', adulti: 'Adulti', anziani: 'Anziani', dipendenze: 'Dipendenze',
  salute_mentale: 'Salute mentale', immigrati: 'Immigrati', poverta: 'Povertà',
};
export const interlocutorTypeLabels: Record<string, string> = {
  user: "L'utente", relative: 'Familiare o conoscente', organisation: 'Organizzazione', judicial_authority: 'Autorità giudiziaria', institution: 'Istituzione', other: 'Altro',
};
export const userPresenceLabels: Record<string, string> = { present: 'Presente', informed: 'Informato', not_informed: 'Non informato' };
export const serviceRequestStatusLabels: Record<string, string> = { open: 'Aperta', in_progress: 'In corso', done: 'Evasa', rejected: 'Respinta' };
export const proposalStatusLabels: Record<string, string> = { proposed: 'Proposta', seen: 'Vista', accepted: 'Accettata', rejected: 'Respinta' };
export const privacyStatusLabels: Record<string, string> = { signed: 'Informativa firmata', not_signed: 'Informativa non firmata', anonymous: 'Utente anonimo' };
export const deskInterventionLabels: Record<string, string> = {
  orientation: 'Orientamento', information: 'Informazione', economic_help: 'Aiuto economico', sent_to_external: 'Invio a servizio esterno',
  sent_to_office: 'Invio a ufficio', other: 'Altro',
};
