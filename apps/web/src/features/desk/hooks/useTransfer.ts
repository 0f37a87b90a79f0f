import { useQuery } from '@tanstack/react-query';
import type { TransferView } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ApiError } from '../../../lib/api';

/** How many pages of the inbox are read looking for one transfer (the newest come first). */
const maxPages = 20;

/**
 * One scheda received by the current desk. The API has no "get" for a transfer: the inbox
 * (intakeTransfers.find, received) is read page by page until it turns up; null when it is not there
 * (another desk's, or not sent here).
 */
export function useReceivedTransfer(id: string) {
  return useQuery<TransferView | null, ApiError>({
    queryKey: ['intakeTransfers.find', { received: id }],
    queryFn: async ({ signal }) => {
      let cursor: string | undefined;
      for (let i = 0; i < maxPages; i++) {
        const page = await call('intakeTransfers.find', { direction: 'received', limit: 100, ...(cursor ? { cursor } : {}) }, { signal });
        const found = page.items.find((x) => x.id === id);
        if (found) return found;
        if (!page.nextCursor) return null;
        cursor = page.nextCursor;
      }
      return null;
    },
    staleTime: 0,
  });
}
