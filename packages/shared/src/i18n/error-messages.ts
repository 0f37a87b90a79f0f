import type { ErrorCode } from '../wire/errors.js';

export type Locale = 'it' | 'en';

/** Error messages of the wire contract. They never echo personal data (architecture: errors). */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  invalid_input: { it: 'Dati non validi: controllare i campi indicati.', en: 'Invalid input: check the fields listed.' },
  unauthenticated: { it: 'Accesso richiesto: effettuare il login.', en: 'Authentication required: please log in.' },
  forbidden: { it: "Operazione non consentita per il profilo in uso.", en: 'Not allowed for your profile.' },
  context_required: { it: "Scegliere l'ente e l'ufficio di lavoro prima di continuare.", en: 'Choose your ente and office first.' },
  field_masked: { it: 'Non è consentito modificare campi riservati al profilo in uso.', en: 'You may not change fields your profile cannot write.' },
  not_found: { it: 'Elemento non trovato.', en: 'Not found.' },
  conflict: { it: 'Il dato è stato modificato da un altro operatore: ricaricare e riprovare.', en: 'The record was changed by someone else: reload and try again.' },
  precondition_failed: { it: "Operazione non possibile nello stato attuale.", en: 'Not possible in the current state.' },
  payload_too_large: { it: 'La richiesta supera la dimensione massima consentita.', en: 'The request is too large.' },
  rate_limited: { it: 'Troppe richieste: riprovare tra poco.', en: 'Too many requests: try again shortly.' },
  internal: { it: 'Errore interno: riprovare; se persiste, contattare l’assistenza.', en: 'Internal error: try again; if it persists, contact support.' },
};

/** Messages for field-level validation problems, keyed by zod issue code or our own message keys. */
export const fieldMessages: Record<string, Record<Locale, string>> = {
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
  invalid_json: { it: 'JSON non valido.', en: 'Invalid JSON.' },
};
