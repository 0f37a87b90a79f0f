/**
 * The text of the privacy notice given at the desk (informativa, GDPR art. 13). Social services
 * process data to perform tasks in the public interest and by law (art. 6(1)(e)); health and other
 * special-category data for social protection, substantial public interest and social care (art.
 * 9(2)(b), (g), (h)), as the Codice privacy (D.Lgs. 196/2003) art. 2-sexies allows for social
 * assistance. Consent is asked only for the optional processing listed in the form (art. 6(1)(a), 7).
 */
export function privacyNoticeParagraphs(controller: string, dpo: string | null): string[] {
  return [
    `Titolare del trattamento: ${controller}. I dati sono trattati dal personale autorizzato dell'ente e dei servizi sociali dell'ambito, per le sole finalità indicate (Regolamento (UE) 2016/679, "GDPR", art. 13).`,
    dpo
      ? `Responsabile della protezione dei dati (RPD/DPO): ${dpo}.`
      : "Responsabile della protezione dei dati (RPD/DPO): ________________________________________________ (contatti indicati dall'ente).",
    "Finalità e base giuridica: accoglienza, orientamento, presa in carico e erogazione degli interventi e dei servizi sociali. Il trattamento è necessario per l'esecuzione di compiti di interesse pubblico e per obblighi di legge (GDPR art. 6, par. 1, lett. e); L. 328/2000; D.Lgs. 147/2017); per i dati relativi alla salute e le altre categorie particolari, per finalità di protezione sociale, di interesse pubblico rilevante e di assistenza sociale (GDPR art. 9, par. 2, lett. b), g) e h); D.Lgs. 196/2003 art. 2-sexies). Per queste finalità il consenso non è richiesto.",
    "Dati trattati: dati anagrafici e di contatto, situazione familiare, abitativa, lavorativa ed economica, bisogni espressi e, se necessario, dati relativi alla salute o giudiziari, forniti dall'interessato o da chi lo accompagna, o acquisiti da altre pubbliche amministrazioni (anagrafe della popolazione residente).",
    "Comunicazione: i dati possono essere comunicati ad altri enti e servizi pubblici competenti (comuni dell'ambito, aziende sanitarie, autorità giudiziaria, INPS) solo quando previsto dalla legge o necessario per gli interventi; non sono diffusi né trasferiti fuori dall'Unione europea.",
    "Conservazione: per il tempo necessario alle finalità e secondo gli obblighi di conservazione della documentazione amministrativa degli enti pubblici.",
    "Diritti: l'interessato può chiedere l'accesso ai dati, la rettifica, la limitazione o, nei casi previsti, la cancellazione e opporsi al trattamento (GDPR artt. 15-22), rivolgendosi al titolare o al RPD; può proporre reclamo al Garante per la protezione dei dati personali (art. 77).",
    "Consensi facoltativi: i trattamenti elencati di seguito sono facoltativi e si basano sul consenso (GDPR art. 6, par. 1, lett. a). Il rifiuto non pregiudica l'accesso ai servizi. Il consenso può essere revocato in ogni momento, senza pregiudicare la liceità del trattamento precedente (GDPR art. 7, par. 3).",
  ];
}
