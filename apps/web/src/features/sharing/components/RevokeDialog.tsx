import { useTranslation } from 'react-i18next';
import type { GrantListItem } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Modal } from '../../desk/components/Modal';
import { useRevokeGrant } from '../hooks/useGrants';
import { subjectText } from '../lib/grantText';

/** Confirms a revocation: the share ends now; the row stays, revoked, for the DPO and the audit. */
export function RevokeDialog({ grant, onClose, onRevoked }: { grant: GrantListItem; onClose: () => void; onRevoked: (g: GrantListItem) => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeGrant();
  return (
    <Modal title={t('sharing.revokeTitle')} onClose={onClose}>
      <p>{t('sharing.revokeText', { subject: subjectText(t, grant) })}</p>
      {revoke.error && <ErrorNotice error={revoke.error} />}
      <div className="d-flex gap-2 justify-content-end">
        <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: grant.id }, { onSuccess: () => onRevoked(grant) })}>
          {revoke.isPending ? t('common.loading') : t('sharing.revokeConfirm')}
        </button>
      </div>
    </Modal>
  );
}
