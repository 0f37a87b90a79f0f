import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../../lib/api';
import type { ActionInput, ActionOutput } from '../../../lib/api';
import { actionKey, useAction } from '../../../lib/query';

/** Reference data changes with releases only: cached for the whole session. */
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

/** Every foreign state (about 250): pickers filter them in the browser. */
export const useStates = () => useAction('reference.states', {}, forever);

/** A code list (e.g. `anpr.stato_civile`) as options, valid today. */
export const useCodeList = (list: string) => useAction('reference.codeList', { list }, forever);

/** Comuni by name, valid on a date; disabled below two characters. */
export function useComuniSearch(q: string, on?: string) {
  const input: ActionInput<'reference.comuni'> = { q, limit: 15, ...(on ? { on } : {}) };
  return useAction('reference.comuni', input, { ...forever, enabled: q.trim().length >= 2 });
}

/** One-off lookups through the cache (the fiscal-code prefill asks for a Belfiore code). */
export function useReferenceLookup() {
  const client = useQueryClient();
  const comuni = useCallback(
    (input: ActionInput<'reference.comuni'>): Promise<ActionOutput<'reference.comuni'>> =>
      client.fetchQuery({ queryKey: actionKey('reference.comuni', input), queryFn: ({ signal }) => call('reference.comuni', input, { signal }), staleTime: Infinity }),
    [client],
  );
  const states = useCallback(
    (input: ActionInput<'reference.states'>): Promise<ActionOutput<'reference.states'>> =>
      client.fetchQuery({ queryKey: actionKey('reference.states', input), queryFn: ({ signal }) => call('reference.states', input, { signal }), staleTime: Infinity }),
    [client],
  );
  return { comuni, states };
}
