import { useTranslation } from 'react-i18next';
import { languages } from '../../i18n/i18n';
import { Dropdown } from '../../features/common/components/Dropdown';

const names = { it: 'Italiano', en: 'English' } as const;
const short = { it: 'ITA', en: 'ENG' } as const;

/** it / en switch of the slim header; each language is named in itself (lang attribute). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'it';
  return (
    <Dropdown
      className="nav-item dropdown"
      buttonClassName="nav-link lang-toggle"
      alignEnd
      label={
        <>
          <span className="visually-hidden">{t('language.current')} </span>
          <span lang={current}>{short[current]}</span>
        </>
      }
    >
      {(close) => (
        <div className="link-list-wrapper">
          <ul className="link-list">
            {languages.map((lng) => (
              <li key={lng}>
                <button
                  type="button"
                  className={`dropdown-item list-item${lng === current ? ' active' : ''}`}
                  lang={lng}
                  aria-current={lng === current ? 'true' : undefined}
                  onClick={() => {
                    void i18n.changeLanguage(lng);
                    close();
                  }}
                >
                  <span>{names[lng]}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dropdown>
  );
}
