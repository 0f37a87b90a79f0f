/**
 * Surname and name parts of the codice fiscale (D.M. Finanze 23/12/1976).
 *
 * Only the 26 Latin letters count. Accented and other diacritic letters count as their base
 * letter (Niccolò → NICCOLO, Ştefan → STEFAN): the Agenzia delle Entrate codes them that way,
 * while some libraries (e.g. codice-fiscale-js) silently drop accented vowels. Apostrophes,
 * spaces and hyphens are ignored (D'Angelo → DANGELO).
 */

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

/** Letters that Unicode decomposition does not reduce to a Latin base letter. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  Ø: 'O', Ł: 'L', Đ: 'D', Ħ: 'H', Ŧ: 'T', Ŋ: 'N', Æ: 'AE', Œ: 'OE', ẞ: 'SS', ß: 'SS', Þ: 'TH',
  Ð: 'D', ı: 'I',
};

/** Upper-case A–Z only, diacritics removed: the letters the codice fiscale is built from. */
export function lettersOf(text: string): string {
  let out = '';
  // NFD splits "ò" into "o" + combining grave; the combining marks are then dropped below.
  for (const ch of text.normalize('NFD')) {
    const special = SPECIAL_LETTERS[ch] ?? SPECIAL_LETTERS[ch.toUpperCase()];
    const up = special ?? ch.toUpperCase();
    for (const c of up) {
      if (c >= 'A' && c <= 'Z') out += c;
    }
  }
  return out;
}

function split(letters: string): { consonants: string; vowels: string } {
  let consonants = '';
  let vowels = '';
  for (const c of letters) {
    if (VOWELS.has(c)) vowels += c;
    else consonants += c;
  }
  return { consonants, vowels };
}

/** Surname: consonants in order, then vowels, padded with X to three characters. */
export function surnameCode(surname: string): string {
  const { consonants, vowels } = split(lettersOf(surname));
  if (consonants.length + vowels.length === 0) {
    throw new RangeError('surname has no Latin letters');
  }
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/**
 * Name: with four or more consonants take the 1st, 3rd and 4th; otherwise as the surname
 * (D.M. 23/12/1976).
 */
export function nameCode(name: string): string {
  const { consonants, vowels } = split(lettersOf(name));
  if (consonants.length + vowels.length === 0) {
    throw new RangeError('name has no Latin letters');
  }
  if (consonants.length >= 4) {
    return consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
  }
  return (consonants + vowels + 'XXX').slice(0, 3);
}
