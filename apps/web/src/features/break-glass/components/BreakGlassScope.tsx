import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { usePermission } from '../../session/hooks/useSession';
import { BreakGlassContext } from '../BreakGlassContext';
import { useOpenBreakGlass } from '../hooks/useBreakGlass';
import { BreakGlassDialog } from './BreakGlassDialog';

interface BreakGlassScopeProps {
  recordKind: string;
  recordId: string;
  children: ReactNode;
}

/**
 * The emergency access of one record page (issue 11, point 1): says which accesses of the actor are
 * open on the record and until when, and lets every masked value below ("Riservato") offer the reason
 * dialog — only to who may break the glass and while some class is still closed to them. After opening,
 * the page reads the record again (the hook refetches it) and the focus goes to the notice.
 */
export function BreakGlassScope({ recordKind, recordId, children }: BreakGlassScopeProps) {
  const { t } = useTranslation();
  const canOpen = usePermission('breakGlass.open');
  const canList = usePermission('breakGlass.find');
  const status = useOpenBreakGlass(recordKind, recordId, canOpen && canList);
  const [dialog, setDialog] = useState(false);
  const [justOpened, setJustOpened] = useState(0);
  const notice = useRef<HTMLDivElement>(null);
  const openable = status.data?.openable;
  const offer = useMemo(() => (canOpen && openable && openable.length > 0 ? { offer: () => setDialog(true) } : null), [canOpen, openable]);
  useEffect(() => {
    if (justOpened) notice.current?.focus();
  }, [justOpened]);
  const open = status.data?.items ?? [];
  return (
    <BreakGlassContext.Provider value={offer}>
      <div ref={notice} tabIndex={-1} role="status" aria-live="polite">
        {open.map((b) => (
          <div key={b.id} className="alert alert-warning">
            <p className="mb-0 fw-semibold">{t('breakGlass.openUntil', { until: formatDateTime(b.expiresAt) })}</p>
            <p className="mb-0 small">{t('breakGlass.openClasses', { classes: b.classes.map((c) => t(`breakGlass.classNames.${c}`)).join(', ') })}</p>
          </div>
        ))}
      </div>
      {children}
      {dialog && openable && (
        <BreakGlassDialog
          recordKind={recordKind}
          recordId={recordId}
          openable={openable}
          onClose={() => setDialog(false)}
          onOpened={() => {
            setDialog(false);
            setJustOpened((n) => n + 1);
          }}
        />
      )}
    </BreakGlassContext.Provider>
  );
}
