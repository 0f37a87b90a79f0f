import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';

interface IntakeSlot {
  complete: number;
  incomplete: number;
  lastAccessDate: string | null;
}

function intakeSlot(v: unknown): IntakeSlot | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Partial<IntakeSlot>;
  return typeof s.complete === 'number' && typeof s.incomplete === 'number' ? { complete: s.complete, incomplete: s.incomplete, lastAccessDate: s.lastAccessDate ?? null } : null;
}

const privacyStatuses = ['signed', 'not_signed', 'anonymous'] as const;
type PrivacySlot = (typeof privacyStatuses)[number];

function privacySlot(v: unknown): PrivacySlot | null {
  return privacyStatuses.find((s) => s === v) ?? null;
}

/**
 * What the intake desk adds to a search result (siso-original §5.1 step 1: the result shows the
 * existing schede and the privacy status): the person's schede the operator may read and whether the
 * privacy notice was given to this ente.
 */
export function PersonDeskSlots({ slots }: { slots: Record<string, unknown> }) {
  const { t } = useTranslation();
  const privacy = privacySlot(slots.privacy);
  const intake = intakeSlot(slots.intake);
  if (!privacy && !intake) return null;
  return (
    <span className="d-block small">
      {privacy && (
        <span className={`badge ${privacy === 'signed' ? 'bg-success' : 'bg-warning text-dark'} me-1`}>{t(`persons.search.privacy.${privacy}`)}</span>
      )}
      {intake && (
        <span className="d-block text-secondary">
          {t('persons.search.intakeCount', {
            complete: intake.complete,
            incomplete: intake.incomplete,
            date: intake.lastAccessDate ? formatDate(intake.lastAccessDate) : '—',
          })}
        </span>
      )}
    </span>
  );
}
