/**
 * Whether a profile requires TOTP when the administrator does not say: a profile that reads special
 * or judicial data (GDPR art. 9 and 10) does, in production; elsewhere (demo, tests) it follows the
 * template or the profile being edited (access issue: "on by default in production, off in the demo").
 */
export function defaultRequiresTotp(readable: readonly string[], production: boolean, inherited: boolean | undefined): boolean {
  const sensitive = readable.some((c) => c === 'special' || c === 'judicial');
  return sensitive && production ? true : (inherited ?? false);
}
