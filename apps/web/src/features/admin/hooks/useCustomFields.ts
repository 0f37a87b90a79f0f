import { useInfiniteQuery } from '@tanstack/react-query';
import type { CustomFieldTarget } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ActionOutput, ApiError } from '../../../lib/api';
import { useActionMutation } from '../../../lib/query';

type FieldsPage = ActionOutput<'fields.find'>;

/** The definitions of the actor's ambito and the region's templates, archived ones included, 50 a page. */
export function useCustomFields(target: CustomFieldTarget | undefined) {
  return useInfiniteQuery<FieldsPage, ApiError, { pages: FieldsPage[] }, readonly unknown[], string | undefined>({
    queryKey: ['fields.find', { target }],
    queryFn: ({ pageParam, signal }) => call('fields.find', { limit: 50, includeArchived: true, ...(target ? { target } : {}), ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useUpsertCustomField = () => useActionMutation('fields.upsert', ['fields.find']);
