import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { NewServiceRequestForm } from '../NewServiceRequestForm';
import { ServiceRequestItem } from '../ServiceRequestItem';
import { sectionAnchor } from '../../lib/sectionAnchor';

/** Richieste di servizio (issue 5, point 2): each with status, time worked, notes and attachments. */
export function ServiceRequestsSection({ intake }: { intake: IntakeView }) {
  const { t } = useTranslation();
  const id = sectionAnchor('requests');
  return (
    <section id={id} tabIndex={-1} aria-labelledby={`${id}-title`} className="intake-section mb-5">
      <h2 id={`${id}-title`} className="h4">{t('intake.sections.requests')}</h2>
      {intake.serviceRequests.length === 0 ? (
        <p>{t('intake.requests.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {intake.serviceRequests.map((r) => (
            <ServiceRequestItem key={r.id} request={r} />
          ))}
        </ul>
      )}
      {intake.abilities.includes('serviceRequests.create') && <NewServiceRequestForm intakeId={intake.id} />}
    </section>
  );
}
