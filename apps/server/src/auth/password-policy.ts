import type { FieldMessageKey } from '@siso/shared';

/**
 * Password rules for a new password (OWASP ASVS 4.0 §2.1: at least 12 characters, up to 128 allowed,
 * no composition rules forced on long passphrases, checked against common passwords; AgID "Linee guida
 * per la sicurezza ICT" / Misure minime ABSC 5.7: at least 14 characters for administrators is advised,
 * here 12 with variety or 16 without). Returns message keys of the shared catalogue.
 */
export const MIN_LENGTH = 12;
const PASSPHRASE_LENGTH = 16;

/** A short list of very common passwords (top entries of public breach lists, plus local favourites). */
const COMMON = new Set([
  'password1234', 'password12345', 'password123456', 'passwordpassword', '123456789012', '1234567890123',
  'qwertyuiop12', 'qwertyuiopasdf', 'iloveyou1234', 'administrator', 'administrator1', 'amministratore',
  'passw0rd1234', 'welcome12345', 'letmein12345', 'changeme1234', 'cambiami1234', 'password2024!', 'password2025!',
  'password2026!', 'Password1234', 'Password123!', 'Qwerty123456', 'benvenuto123', 'Benvenuto123!', 'juventus1897',
  'forzainter12', 'demo-siso-2026', 'siso-siso-siso', 'comune123456', 'servizisociali',
].map((p) => p.toLowerCase()));

export function passwordProblems(password: string, username: string): FieldMessageKey[] {
  const problems: FieldMessageKey[] = [];
  if ([...password].length < MIN_LENGTH) problems.push('password_troppo_corta');
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('password_contiene_username');
  if (COMMON.has(lower)) problems.push('password_comune');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3 && [...password].length < PASSPHRASE_LENGTH) problems.push('password_poco_varia');
  return problems;
}
