import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The confirmation the previous page put in the navigation state (`navigate(to, { state: { notice } })`:
 * "persona unita", "scheda eliminata"…), shown once: the state is cleared at once, so a reload or Back
 * does not show it again. The setter lets the page replace it with its own notices.
 */
export function useArrivalNotice(): [string | null, (notice: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const arrived = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(arrived);
  useEffect(() => {
    if (arrived) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [arrived, location.pathname, location.search, navigate]);
  return [notice, setNotice];
}
