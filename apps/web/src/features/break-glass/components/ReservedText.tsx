import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { ReservedFieldName, useBreakGlassOffer } from '../BreakGlassContext';

/**
 * A masked value ("Riservato"); on a record page where the actor may break the glass, followed by
 * "Accesso di emergenza", which opens the page's reason dialog. The button names its field for
 * screen readers, so a list of them reads as distinct controls.
 */
export function ReservedText({ text, field }: { text: string; field?: string | undefined }) {
  const { t } = useTranslation();
  const offer = useBreakGlassOffer();
  const rowName = useContext(ReservedFieldName);
  const name = field ?? rowName;
  return (
    <span>
      <span className="fst-italic">{text}</span>
      {offer && (
        <button type="button" className="btn btn-link btn-sm p-0 ms-2 align-baseline" onClick={offer.offer}>
          {t('breakGlass.offer')}
          {name && <span className="visually-hidden">{` — ${name}`}</span>}
        </button>
      )}
    </span>
  );
}
