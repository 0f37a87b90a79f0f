import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../hooks/useProposals';

const colour: Record<ProposalStatus, string> = { proposed: 'bg-primary', seen: 'bg-info text-dark', accepted: 'bg-success', rejected: 'bg-danger' };

/** The state of a proposal as a badge: proposta, vista, accettata, respinta. */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${colour[status]}`}>{t(`proposals.statuses.${status}`)}</span>;
}
