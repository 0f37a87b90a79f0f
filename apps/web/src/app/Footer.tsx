import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../features/common/components/Icon';

const euplUrl = 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12';

/** bootstrap-italia footer: SISO, the EUPL-1.2 licence, API documentation, accessibility statement. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12 footer-items-wrapper logo-wrapper">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="it-pa" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t('app.name')}</div>
                    <div className="it-brand-tagline">{t('app.fullName')}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="row">
            <div className="col-md-6 footer-items-wrapper">
              <h2 className="footer-heading-title h6">{t('footer.aboutTitle')}</h2>
              <p className="footer-info">{t('footer.about')}</p>
            </div>
            <div className="col-md-6 footer-items-wrapper">
              <h2 className="footer-heading-title h6">{t('footer.linksTitle')}</h2>
              <ul className="footer-list">
                <li>
                  <a href="/api/docs">{t('footer.apiDocs')}</a>
                </li>
                <li>
                  <a href={euplUrl} rel="license noopener" target="_blank">
                    {t('footer.licence')}
                    <span className="visually-hidden"> ({t('common.newWindow')})</span>
                  </a>
                </li>
                <li>
                  <Link to="/accessibilita">{t('footer.accessibility')}</Link>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item text-white">{t('footer.copyright')}</li>
            <li className="list-inline-item">
              <Link to="/accessibilita">{t('footer.accessibility')}</Link>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
