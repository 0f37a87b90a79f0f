import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { usePageTitle } from '../features/common/hooks/usePageTitle';

const sections = ['status', 'limits', 'preparation', 'feedback', 'enforcement'] as const;

/**
 * "Dichiarazione di accessibilità": a placeholder each ente completes and publishes through AgID's
 * form, explaining the commitment, the known limits and how to report a problem.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  usePageTitle(t('accessibility.title'));
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('accessibility.title') }]} />
      <div className="row">
        <div className="col-12 col-lg-9">
          <h1 className="mb-3">{t('accessibility.title')}</h1>
          <div className="alert alert-info" role="note">
            {t('accessibility.placeholder')}
          </div>
          <p className="lead">{t('accessibility.intro')}</p>
          {sections.map((s) => (
            <section key={s} aria-labelledby={`a11y-${s}`} className="mb-4">
              <h2 id={`a11y-${s}`} className="h4">
                {t(`accessibility.${s}.title`)}
              </h2>
              <p>{t(`accessibility.${s}.text`)}</p>
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
