/** The element id of a section of the scheda, target of the section nav and of the "missing" links. */
export function sectionAnchor(section: string): string {
  return `sezione-${section}`;
}

/** Moves to a section: scrolls it into view and gives it focus, so keyboard users continue from there. */
export function goToSection(section: string): void {
  const el = document.getElementById(sectionAnchor(section));
  if (!el) return;
  el.scrollIntoView?.({ block: 'start' });
  el.focus();
}
