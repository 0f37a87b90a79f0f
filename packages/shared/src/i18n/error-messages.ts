import type { ErrorCode } from '../wire/errors.js';

export type Locale = 'it' | 'en';

/** Error messages of the wire contract. They never echo personal data (architecture: errors). */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  invalid_input: { it: 'Dati non validi: controllare i campi indicati.', en: 'Invalid input: check the fields listed.' },
  unauthenticated: { it: 'Accesso richiesto: effettuare il login.', en: 'Authentication required: please log in.' },
  forbidden: { it: "Operazione non consentita per il profilo in uso.", en: 'Not allowed for your profile.' },
  context_required: { it: "Scegliere l'ente e l'ufficio di lavoro prima di continuare.", en: 'Choose your ente and office first.' },
  csrf_invalid: { it: 'Token di sicurezza mancante o scaduto: ricaricare la pagina.', en: 'Missing or expired security token: reload the page.' },
  field_masked: { it: 'Non è consentito modificare campi riservati al profilo in uso.', en: 'You may not change fields your profile cannot write.' },
  not_found: { it: 'Elemento non trovato.', en: 'Not found.' },
  conflict: { it: 'Il dato è stato modificato da un altro operatore: ricaricare e riprovare.', en: 'The record was changed by someone else: reload and try again.' },
  precondition_failed: { it: "Operazione non possibile nello stato attuale.", en: 'Not possible in the current state.' },
  payload_too_large: { it: 'La richiesta supera la dimensione massima consentita.', en: 'The request is too large.' },
  uri_too_long: { it: "L'indirizzo della richiesta supera la lunghezza massima consentita: inviare i dati con POST.", en: 'The request address is too long: send the input with POST.' },
  headers_too_large: { it: "Le intestazioni della richiesta superano la dimensione massima consentita: cancellare i cookie del sito e riprovare.", en: "The request headers are too large: clear the site's cookies and try again." },
  rate_limited: { it: 'Troppe richieste: riprovare tra poco.', en: 'Too many requests: try again shortly.' },
  internal: { it: 'Errore interno: riprovare; se persiste, contattare l’assistenza.', en: 'Internal error: try again; if it persists, contact support.' },
  service_unavailable: { it: 'Servizio temporaneamente non disponibile: nulla è stato salvato, riprovare tra poco.', en: 'Service temporarily unavailable: nothing was saved, try again shortly.' },
};

/**
 * Messages of the error details (`details[].message`), keyed by zod issue code or our own message
 * keys. Its keys are the closed union {@link FieldMessageKey}: the server's `ErrorDetail` accepts
 * nothing else, so a key without its Italian and English text does not compile and no user ever
 * reads a raw key. A new key is added here, in both languages.
 */
const fieldMessageCatalogue = {
  required: { it: 'Campo obbligatorio.', en: 'Required.' },
  invalid_type: { it: 'Tipo di dato non valido.', en: 'Invalid type.' },
  too_small: { it: 'Valore troppo corto o troppo piccolo.', en: 'Too short or too small.' },
  too_big: { it: 'Valore troppo lungo o troppo grande.', en: 'Too long or too large.' },
  invalid_format: { it: 'Formato non valido.', en: 'Invalid format.' },
  invalid_value: { it: 'Valore non ammesso.', en: 'Value not allowed.' },
  unrecognized_keys: { it: 'Campo non previsto.', en: 'Unexpected field.' },
  formato_data: { it: 'Data nel formato AAAA-MM-GG.', en: 'Date as YYYY-MM-DD.' },
  data_non_valida: { it: 'Data inesistente.', en: 'No such date.' },
  importo_non_valido: { it: 'Importo non valido (es. 1234.50).', en: 'Invalid amount (e.g. 1234.50).' },
  csrf: { it: 'Token di sicurezza mancante o scaduto: ricaricare la pagina.', en: 'Missing or expired security token: reload the page.' },
  cursor_non_valido: { it: 'Cursore di paginazione non valido.', en: 'Invalid pagination cursor.' },
  chiave_già_usata: { it: 'Chiave di idempotenza già usata per una richiesta diversa.', en: 'Idempotency key already used for a different request.' },
  credenziali_non_valide: { it: 'Nome utente o password non corretti.', en: 'Wrong username or password.' },
  contesto_non_disponibile: { it: 'Ente o ufficio non tra le assegnazioni valide.', en: 'Ente or office is not among your valid assignments.' },
  campo_riservato: { it: 'Campo riservato: il profilo in uso non può modificarlo o usarlo come filtro.', en: 'Restricted field: your profile cannot change it or filter by it.' },
  motivazione_breve: { it: 'Scrivere una motivazione di almeno 20 caratteri.', en: 'Write a reason of at least 20 characters.' },
  'classi_già_leggibili': { it: 'Il profilo legge già queste classi di dati.', en: 'Your profile can already read these classes.' },
  'date_invertite': { it: 'La data di fine precede la data di inizio.', en: 'The end date is before the start date.' },
  'permesso_non_concedibile': { it: 'Permesso non posseduto da chi amministra: non può essere concesso.', en: 'A permission you do not hold cannot be granted.' },
  'ambito_dati_non_concedibile': { it: 'Ambito dei dati più ampio di quello di chi amministra.', en: 'Data scope wider than your own.' },
  'permesso_sconosciuto': { it: 'Permesso inesistente nel catalogo.', en: 'No such permission in the catalogue.' },
  'capofila_già_presente': { it: "L'ambito ha già un ente capofila.", en: 'The ambito already has a lead ente.' },
  // Configuration-defined fields (custom-fields/).
  campo_non_configurato: { it: 'Campo non previsto dalla configurazione (forse archiviato): ricaricare la pagina.', en: 'Field not in the configuration (perhaps archived): reload the page.' },
  scelte_richieste: { it: 'Indicare almeno una scelta.', en: 'Give at least one choice.' },
  non_previsto_per_il_tipo: { it: 'Non previsto per questo tipo di campo.', en: 'Not available for this type of field.' },
  codice_ripetuto: { it: 'Codice ripetuto.', en: 'Repeated code.' },
  minimo_oltre_massimo: { it: 'Il minimo supera il massimo.', en: 'The minimum exceeds the maximum.' },
  espressione_non_valida: { it: "Espressione regolare non valida o troppo complessa (niente ripetizioni annidate né riferimenti all'indietro).", en: 'Invalid or too complex regular expression (no nested repetitions or back-references).' },
  classe_meno_restrittiva: { it: 'La classe di dati si può solo rendere più protetta (pubblici → personali → particolari, giudiziari, riservati o stranieri): i valori già registrati non possono diventare leggibili da altri.', en: 'The data class can only become more protected (public → personal → special, judicial, reserved or foreigner): stored values must not become readable by others.' },
  non_modificabile: { it: 'Non modificabile dopo la creazione: creare un nuovo campo.', en: 'Cannot change after creation: create a new field.' },
  scelta_non_eliminabile: { it: 'Una scelta già offerta non si elimina: archiviarla.', en: 'A choice already offered cannot be removed: archive it.' },
  'codice_già_usato': { it: 'Codice già usato.', en: 'Code already in use.' },
  'username_già_usato': { it: 'Nome utente già usato.', en: 'Username already in use.' },
  'codice_fiscale_già_usato': { it: 'Codice fiscale già associato a un altro operatore.', en: 'Fiscal code already used by another operator.' },
  'profilo_non_disponibile': { it: "Profilo non disponibile per l'ambito dell'assegnazione.", en: "Profile not available in the assignment's ambito." },
  'accesso_già_revocato': { it: 'Accesso già revocato.', en: 'Access already revoked.' },
  'ufficio_non_proprio': { it: 'Si possono nascondere solo le informazioni del proprio ufficio.', en: 'Only your own office can be hidden.' },
  // Sharing with writing and the lists of shares and emergency accesses (issue 11, point 1).
  'scrittura_non_concedibile': { it: 'Si può condividere con scrittura solo un record che si può modificare.', en: 'Only a record you may change can be shared with writing.' },
  'record_incompleto': { it: 'Indicare sia il tipo sia il record.', en: 'Give both the kind and the record.' },
  'scrittura_solo_nell_ambito': { it: "Con scrittura si condivide solo con operatori, uffici o enti dell'ambito del record: fuori dall'ambito la condivisione è in sola lettura.", en: "Writing is shared only with operators, offices or enti of the record's ambito: outside it a share is read-only." },
  operatore_protetto: { it: "L'operatore ha permessi che il profilo in uso non ha (es. audit del DPO): il ripristino spetta all'amministratore di sistema.", en: "The operator holds permissions you lack (e.g. the DPO's audit): the system administrator must do it." },
  invalid_json: { it: 'JSON non valido.', en: 'Invalid JSON.' },
  // Input hygiene of every action (wire/input-hygiene.ts).
  carattere_di_controllo: { it: 'Contiene caratteri di controllo non ammessi (ad es. NUL): ridigitare il testo.', en: 'Contains control characters that are not allowed (e.g. NUL): retype the text.' },
  nome_campo_non_valido: { it: 'Nome di campo non valido: contiene caratteri di controllo o è troppo lungo.', en: 'Invalid field name: it holds control characters or is too long.' },
  troppo_annidato: { it: 'Dati annidati troppo in profondità.', en: 'Data nested too deeply.' },
  email_non_valida: { it: 'Indirizzo e-mail non valido.', en: 'Invalid e-mail address.' },
  azione_non_valida: { it: "Nome di azione non valido (ad es. persons.get).", en: 'Invalid action name (e.g. persons.get).' },
  codice_totp_formato: { it: 'Il codice è composto da 6 cifre.', en: 'The code has 6 digits.' },
  codice_totp_non_valido: { it: 'Codice non valido o già usato: attendere il successivo e riprovare.', en: 'Invalid or already used code: wait for the next one and try again.' },
  totp_già_attivo: { it: "L'autenticazione a due fattori è già attiva; per reimpostarla rivolgersi all'amministratore.", en: 'Two-factor authentication is already on; ask an administrator to reset it.' },
  totp_non_attivo: { it: "Attivare prima l'autenticazione a due fattori.", en: 'Set up two-factor authentication first.' },
  password_attuale_errata: { it: 'La password attuale non è corretta.', en: 'The current password is wrong.' },
  password_troppo_corta: { it: 'La password deve avere almeno 12 caratteri.', en: 'The password must have at least 12 characters.' },
  password_contiene_username: { it: 'La password non può contenere il nome utente.', en: 'The password must not contain the username.' },
  password_comune: { it: 'Password troppo comune: sceglierne una meno prevedibile.', en: 'Too common a password: choose a less predictable one.' },
  password_poco_varia: { it: 'Usare almeno 3 tipi di carattere tra minuscole, maiuscole, cifre e simboli, oppure almeno 16 caratteri.', en: 'Use at least 3 of lower case, upper case, digits and symbols, or at least 16 characters.' },
  password_uguale: { it: 'La nuova password deve essere diversa da quella attuale.', en: 'The new password must differ from the current one.' },
  codice_fiscale_formato: { it: 'Codice fiscale di 16 caratteri alfanumerici.', en: 'Fiscal code of 16 letters and digits.' },
  codice_fiscale_non_valido: { it: 'Codice fiscale non valido: carattere di controllo errato o data impossibile.', en: 'Invalid fiscal code: wrong check character or impossible date.' },
  codice_fiscale_incoerente: { it: 'I dati anagrafici non corrispondono al codice fiscale.', en: 'The personal data do not match the fiscal code.' },
  secolo_ambiguo: { it: 'Indicare la data di nascita: il secolo non si ricava dal codice fiscale.', en: 'Enter the birth date: the century cannot be read from the fiscal code.' },
  stp_eni_formato: { it: 'Codice STP o ENI: le lettere STP o ENI seguite da 13 cifre (regione, ASL, numero progressivo).', en: 'STP or ENI code: STP or ENI followed by 13 digits (region, ASL, progressive number).' },
  codice_temporaneo_non_sostituibile: { it: 'Si può sostituire solo un codice fiscale temporaneo con uno definitivo valido.', en: 'Only a temporary fiscal code can be replaced, and only with a valid definitive one.' },
  'ricerca_prima_di_creare': { it: "Cercare prima la persona: si registra solo dopo una ricerca (anagrafe unica dell'ambito).", en: "Search for the person first: registration comes after a search." },
  'persona_già_presente': { it: "Persona già registrata nell'ambito con questo codice fiscale: cercarla e usare quella scheda.", en: "A person with this fiscal code is already registered in the ambito: search and use that record." },
  'persona_già_presente_unire': { it: "Il codice appartiene a un'altra persona dell'ambito: è un duplicato, unire le due schede.", en: "The code belongs to another person in the ambito: a duplicate, merge the two records." },
  'codice_già_presente': { it: "Il codice fiscale è già indicato: non serve un codice temporaneo.", en: "A fiscal code is given: no temporary code is needed." },
  'data_futura': { it: "La data non può essere nel futuro.", en: "The date cannot be in the future." },
  'morte_prima_di_nascita': { it: "La data di morte precede la data di nascita.", en: "The date of death is before the birth date." },
  'comune_non_esistente_alla_data': { it: "Il comune non esisteva alla data di nascita indicata.", en: "The comune did not exist on the birth date." },
  'codice_sconosciuto': { it: "Valore non presente nella tabella di riferimento.", en: "Value not in the reference table." },
  'usare_sostituzione_codice': { it: "Il codice fiscale si cambia con «Sostituisci codice fiscale».", en: "Change the fiscal code with \"Replace fiscal code\"." },
  'persona_unita': { it: "La scheda è stata unita a un'altra persona: aprire quella.", en: "This record was merged into another person: open that one." },
  'data_precedente_indirizzo_attuale': { it: "La decorrenza precede quella dell'indirizzo attuale dello stesso tipo.", en: "The start date is before that of the current address of the same kind." },
  'codice_definitivo_richiesto': { it: "Indicare il codice fiscale definitivo rilasciato dall'Agenzia delle Entrate.", en: "Give the definitive fiscal code issued by the Agenzia delle Entrate." },
  'codice_uguale': { it: "Il codice indicato è quello già in uso.", en: "This is the code already in use." },
  'segreto_adozione': { it: "Persona tutelata dal segreto dell'adozione: operazione non consentita.", en: "Person protected by adoption secrecy: not allowed." },
  'codice_non_definitivo': { it: "L'anagrafe si consulta solo con un codice fiscale definitivo.", en: "The registry can only be queried with a definitive fiscal code." },
  'codice_diverso_dalla_persona': { it: "Il codice non è quello della persona selezionata.", en: "The code is not the selected person’s." },
  'anagrafe_non_disponibile': { it: "L'anagrafe non risponde o ha dato una risposta non valida: riprovare più tardi. Nessun dato è stato modificato.", en: "The registry did not answer or answered garbage: try again later. Nothing was changed." },
  'ricerca_vuota': { it: "Scrivere almeno due caratteri o indicare una data.", en: "Type at least two characters or give a date." },
  'comune_o_stato': { it: "Indicare un comune italiano oppure uno Stato estero.", en: "Give an Italian comune or a foreign state." },
  'stessa_persona': { it: "Scegliere due persone diverse.", en: "Choose two different people." },
  'persona_o_nome': { it: "Scegliere una persona dall'anagrafe o scriverne il nome.", en: "Pick a person from the registry or type a name." },
  'codice_temporaneo_non_digitabile': { it: "I codici temporanei sono generati da SISO: non si digitano.", en: "Temporary codes are generated by SISO, not typed." },
  'componente_titolare': { it: "La persona è la titolare del gruppo: non può esserne anche componente.", en: "The person owns the group and cannot also be a member of it." },
  'componente_duplicato': { it: "La stessa persona compare due volte tra i componenti.", en: "The same person appears twice among the members." },
  'gruppo_già_presente': { it: "La persona ha già un gruppo di questo tipo: modificare quello esistente.", en: "The person already has a group of this kind: edit the existing one." },
  'tipo_gruppo_diverso': { it: "Il tipo del gruppo non si può cambiare: crearne uno nuovo del tipo voluto.", en: "A group's kind cannot change: create a new group of the kind you need." },
  // Attachments and privacy at the desk (issue 5).
  base64_non_valido: { it: 'Contenuto del file non leggibile (base64 non valido): ricaricare il file.', en: 'Unreadable file content (invalid base64): upload the file again.' },
  file_troppo_grande: { it: "Il file supera la dimensione massima consentita dall'installazione (10 MB se non diversamente configurato).", en: 'The file exceeds the maximum size allowed by the installation (10 MB unless configured otherwise).' },
  tipo_file_non_ammesso: { it: 'Tipo di file non ammesso: caricare un PDF, un JPEG o un PNG.', en: 'File type not allowed: upload a PDF, JPEG or PNG.' },
  contenuto_non_corrisponde_al_tipo: { it: 'Il contenuto del file non corrisponde al tipo dichiarato (PDF, JPEG o PNG).', en: 'The file content does not match its declared type (PDF, JPEG or PNG).' },
  file_infetto: { it: "Il file è stato rifiutato dall'antivirus: non è stato salvato nulla.", en: 'The file was rejected by the virus scanner: nothing was saved.' },
  scansione_non_disponibile: { it: 'Antivirus non disponibile: non è stato salvato nulla, riprovare tra poco.', en: 'Virus scanner unavailable: nothing was saved, try again shortly.' },
  servizio_non_disponibile: { it: 'Servizio inesistente o non attivo nel catalogo.', en: 'Service not in the catalogue or disabled.' },
  allegato_non_trovato: { it: 'Allegato non trovato tra quelli della richiesta.', en: 'Attachment not found among those of the request.' },
  rappresentante_richiesto: { it: 'Indicare il rappresentante legale che firma (genitore, tutore, amministratore di sostegno o curatore).', en: 'Give the legal representative who signs (parent, guardian, support administrator or curator).' },
  rappresentante_non_previsto: { it: "Firma dell'interessato: non indicare un rappresentante.", en: 'Signed by the person: do not give a representative.' },
  minore_firma_rappresentante: { it: 'Persona minorenne alla data della firma: firma il genitore o il tutore (c.c. art. 2 e 316).', en: 'The person is a minor on the date of signing: a parent or guardian signs (Civil Code art. 2 and 316).' },
  tipo_consenso_sconosciuto: { it: 'Consenso facoltativo non previsto dalla configurazione regionale.', en: 'Optional consent not offered by the regional configuration.' },
  tipo_consenso_ripetuto: { it: 'Lo stesso consenso compare due volte.', en: 'The same consent appears twice.' },
  niente_da_registrare: { it: "Indicare l'informativa consegnata o almeno un consenso.", en: 'Give the notice delivered or at least one consent.' },
  scheda_non_della_persona: { it: 'La scheda indicata non è tra quelle consultabili di questa persona.', en: 'The intake record given is not one of this person’s records you may read.' },
  // Intake records (issue 5).
  'sportello_escluso': { it: "Il profilo in uso non può operare su questo sportello.", en: "Your profile may not work at this desk." },
  'punto_accesso_non_abilitato': { it: "L'ufficio non è punto di accesso di uno sportello dell'ente: chiedere all'amministratore di abilitarlo.", en: "This office is not an access point of a desk of its ente: ask the administrator to enable it." },
  'persona_non_trovata': { it: "Persona non trovata tra quelle dell'ambito consultabili: cercarla e sceglierla dall'anagrafe.", en: "Person not found among those of the ambito you may read: search and pick them from the registry." },
  'punto_di_contatto_non_valido': { it: "Il punto di contatto non appartiene a questo sportello.", en: "The contact point does not belong to this desk." },
  'ufficio_non_dell_ambito': { it: "Indicare un ufficio dell'ambito.", en: "Give an office of the ambito." },
  'sezione_obbligatoria_mancante': { it: "Sezione obbligatoria per questo sportello non compilata.", en: "Section required by this desk not filled in." },
  'copia_solo_nello_sportello_della_scheda': { it: "Si può copiare solo una scheda dello sportello in cui si sta lavorando.", en: 'Only an intake record of the desk you are working at can be copied.' },
  'scheda_in_attesa_altrove': { it: "La scheda è stata inviata a un altro sportello che non l'ha ancora accolta o rifiutata.", en: 'The intake record was sent to another desk that has not accepted or refused it yet.' },
  'proposta_di_presa_in_carico': { it: 'La scheda ha una proposta di presa in carico aperta o accolta.', en: 'The intake record has an open or accepted proposal to take charge.' },
  'scheda_già_completa': { it: "La scheda è già completa.", en: "The intake record is already complete." },
  'ambito_non_consentito': { it: "Il profilo in uso non consulta le schede di tutti gli uffici.", en: "Your profile cannot list the records of every office." },
  'massimo_tre_riferimenti': { it: "Al massimo tre persone di riferimento.", en: "At most three reference people." },
  // Sending, receiving, proposals and desk configuration (issue 5, points 4-6).
  'destinazione_non_valida': { it: "Scegliere uno sportello della regione diverso da quello della scheda.", en: "Choose a desk of the region other than the record's own." },
  'invio_già_in_corso': { it: "La scheda è già stata inviata a questo sportello ed è in attesa di risposta.", en: "The record was already sent to this desk and awaits an answer." },
  'scheda_già_ricevuta': { it: "La scheda è già stata accettata o rifiutata.", en: "The record was already accepted or refused." },
  'proposta_già_decisa': { it: "La proposta è già stata accolta o respinta.", en: "The proposal was already accepted or rejected." },
  'codice_tematico_obbligatorio': { it: "Indicare il codice dello sportello tematico (ad es. adi, hcp).", en: "Give the thematic desk's code (e.g. adi, hcp)." },
  'codice_tematico_solo_sportello_tematico': { it: "Il codice tematico si indica solo per uno sportello tematico.", en: "A thematic code applies only to a thematic desk." },
  'tipo_sportello_non_ammesso': { it: "Questo tipo è ammesso solo per gli sportelli.", en: "This kind is allowed only for desks." },
  'valore_ripetuto': { it: "Valore ripetuto.", en: "Repeated value." },
  'profilo_sconosciuto': { it: "Profilo inesistente nella regione o nell'ambito.", en: "No such profile in the region or ambito." },
  'punto_accesso_non_valido': { it: "Indicare un ufficio del terzo settore dell'ente o dell'ambito, una sola volta.", en: "Give a third-sector office of the ente or ambito, once." },
  'codice_non_valido': { it: "Codice non valido.", en: "Invalid code." },
  'telefono_non_valido': { it: "Numero di telefono non valido.", en: "Invalid phone number." },
  // Details that name a missing referenced record or job (jobs/actions/start.ts, organisation, households).
  not_found: { it: 'Elemento non trovato tra quelli consultabili.', en: 'Not found among the records you may read.' },
  job_sconosciuto: { it: 'Job inesistente o non avviabile a mano.', en: 'No such job, or it cannot be started by hand.' },
  // Keys the contracts gave zod without a text (found by error-messages.test.ts; until then shown as the generic code's text).
  periodo_non_valido: { it: "La fine del periodo precede l'inizio.", en: 'The end of the period is before its start.' },
  nome_file_non_valido: { it: 'Nome del file non valido: non può contenere / o \\.', en: 'Invalid file name: it cannot contain / or \\.' },
} satisfies Record<string, Record<Locale, string>>;

/** A key of the error-detail catalogue: the closed union every server detail message belongs to. */
export type FieldMessageKey = keyof typeof fieldMessageCatalogue;

export const fieldMessages: Readonly<Record<FieldMessageKey, Readonly<Record<Locale, string>>>> = fieldMessageCatalogue;

/** The catalogue's keys, as a list (tests walk it; the type above is the compiler's check). */
export const fieldMessageKeys = Object.keys(fieldMessages) as FieldMessageKey[];

/** Whether a string (a zod issue's message or code) is a key of the catalogue; only its own keys count. */
export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.prototype.hasOwnProperty.call(fieldMessages, key);
}

/** The text of a detail message in a language; a string outside the catalogue has none. */
export function fieldMessageText(key: string, locale: Locale): string | undefined {
  return isFieldMessageKey(key) ? fieldMessages[key][locale] : undefined;
}
