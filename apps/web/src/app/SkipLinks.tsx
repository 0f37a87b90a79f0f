import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

function jump(id: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id);
    if (!target) return;
    e.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
}

/** First focusable elements of the page: straight to the content or to the footer. */
export function SkipLinks() {
  const { t } = useTranslation();
  return (
    <div className="skiplinks">
      <a className="visually-hidden-focusable" href="#main-content" onClick={jump('main-content')}>
        {t('app.skipToContent')}
      </a>
      <a className="visually-hidden-focusable" href="#footer" onClick={jump('footer')}>
        {t('app.skipToFooter')}
      </a>
    </div>
  );
}
