import type { IntakeSectionsInput } from '@siso/shared';

/**
 * The "full scheda" the save is measured with: every section of intakeRecords.create filled as a desk
 * fills it at the end of a long interview (issue 5, point 2) — accesso, interlocutore (a relative),
 * the user from the registry, three reference persons, social data, the foreigners' section, four
 * needs, two requested services and three desk interventions (one economic help), the outcome.
 * Every field the desk operator's profile may write: health notes and invalidity are special
 * categories (GDPR art. 9) the desk profile neither reads nor writes (403 field_masked), so they stay out.
 * `i` varies the free texts so no two saves are byte-identical.
 */
export function fullScheda(personId: string, today: string, i: number): IntakeSectionsInput {
  return {
    access: {
      date: today,
      mode: 'in_person',
      reason: 'sent_by',
      reasonDetail: 'Inviata dal medico di base',
      sentByText: 'Medico di medicina generale',
      accompanied: true,
      accompaniedBy: 'La figlia',
      userPresence: 'present',
      description: `Colloquio n. ${i}: la signora riferisce difficoltà a sostenere l'affitto dopo la perdita del lavoro del marito; chiede informazioni sui contributi e sull'assegno di inclusione.`,
    },
    interlocutor: {
      type: 'relative',
      surname: 'Bianchi',
      name: 'Laura',
      sex: 'F',
      birthDate: '1985-03-12',
      relationship: 'figlia',
      phone: '075 8551234',
      mobile: '333 1234567',
      email: 'laura.bianchi@example.org',
      address: 'Via Roma 12, Città di Castello',
    },
    personId,
    references: [
      { surname: 'Verdi', name: 'Paolo', sex: 'M', relationship: 'fratello', mobile: '333 7654321', problems: false },
      { surname: 'Neri', name: 'Giulia', sex: 'F', relationship: 'vicina di casa', phone: '075 8559876', problems: false },
      { surname: 'Gialli', name: 'Marco', sex: 'M', relationship: 'figlio', email: 'marco.gialli@example.org', problems: true, problemsDescription: 'Disoccupato' },
    ],
    social: {
      household: 'Nucleo di 4 persone: coniugi e due figli minori',
      workCondition: 'DIS',
      profession: 'Commessa',
      education: 'DIP',
      housing: 'AFF',
      housingNotes: 'Sfratto per morosità notificato',
      incomeNotes: 'ISEE 6.200 euro',
    },
    foreigner: {
      arrivalYear: 2011,
      arrivalChannel: 'family_reunification',
      countryOfOrigin: '235',
      permitType: 'FAMIGLIA',
      permitStatus: 'valid',
      permitExpiry: '2027-06-30',
      permitNumber: `I${String(1_000_000 + i)}`,
      internationalProtection: 'none',
      languageLevel: 'B1',
      unaccompaniedMinor: false,
    },
    needs: { codes: ['FIS02', 'FIS06', 'SIC01', 'SIC02'], notes: 'Rischio di perdita dell’abitazione' },
    services: {
      requested: ['UDC79', 'UDC80'],
      deskInterventions: [
        { type: 'information', date: today, note: 'Informazioni sul contributo affitto' },
        { type: 'orientation', date: today, note: 'Orientamento al centro per l’impiego' },
        { type: 'economic_help', date: today, amount: '150.00', payer: 'Comune' },
      ],
    },
    outcome: { type: 'oriented', socialCategory: 'poverta', plannedInterventions: 'Domanda di contributo affitto', note: 'Ricontattare tra un mese' },
  };
}
