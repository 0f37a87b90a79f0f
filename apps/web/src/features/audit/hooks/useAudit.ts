import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditFilters } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ActionOutput, ApiError } from '../../../lib/api';
import { useActionMutation } from '../../../lib/query';

type AuditPage = ActionOutput<'audit.find'>;

/** The audit log of the DPO's ambito, newest first, 50 rows a page (keyset cursor). */
export function useAuditFind(filters: AuditFilters) {
  return useInfiniteQuery<AuditPage, ApiError, { pages: AuditPage[] }, readonly unknown[], string | undefined>({
    queryKey: ['audit.find', filters],
    queryFn: ({ pageParam, signal }) => call('audit.find', { limit: 50, cursor: pageParam, ...filters }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAuditVerify() {
  return useActionMutation('audit.verify', ['audit.find']);
}

/** Asks the server for the CSV (same checks and audit as any action) and saves it as a file. */
export async function downloadAuditCsv(filters: AuditFilters): Promise<ActionOutput<'audit.export'>> {
  const out = await call('audit.export', filters);
  const url = URL.createObjectURL(new Blob([out.csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = out.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
  return out;
}
