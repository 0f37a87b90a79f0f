import { useTranslation } from 'react-i18next';
import { useDynamicText } from '../hooks/useDynamicText';
import { goToSection, sectionAnchor } from '../lib/sectionAnchor';

/**
 * The sections of the scheda as in-page links (not a wizard: any section in any order). Following a
 * link moves focus into the section, so keyboard users go on from there.
 */
export function SectionNav({ sections, missing }: { sections: readonly string[]; missing: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  return (
    <nav aria-label={t('intake.nav.label')} className="mb-4">
      <ul className="nav nav-pills flex-wrap gap-1">
        {sections.map((s) => (
          <li key={s} className="nav-item">
            <a
              className="nav-link py-1 px-2"
              href={`#${sectionAnchor(s)}`}
              onClick={(e) => {
                e.preventDefault();
                goToSection(s);
              }}
            >
              {tx(`intake.sections.${s}`)}
              {missing.has(s) && <span className="badge bg-warning text-dark ms-1">{t('intake.nav.missing')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
