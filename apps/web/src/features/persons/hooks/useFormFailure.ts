import { useCallback, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { serverIssues, type FormIssue } from '../lib/formErrors';

/**
 * The failure state of a form: field issues (the browser's or the server's 400 details), a general
 * failure (422, network…), a 409 conflict apart (the page offers to reload), and a counter that moves
 * focus to the error summary after each failed submit.
 */
export function useFormFailure() {
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const fail = useCallback((list: FormIssue[], error: unknown = null) => {
    setIssues(list);
    setFailure(error);
    setConflict(false);
    setAttempt((n) => n + 1);
  }, []);
  const failWith = useCallback(
    (error: unknown, addressKinds: readonly string[] = []) => {
      if (isApiError(error) && error.code === 'conflict') {
        setIssues([]);
        setFailure(null);
        setConflict(true);
        return;
      }
      const list = serverIssues(error, addressKinds);
      fail(list, list.length ? null : error);
    },
    [fail],
  );
  const clear = useCallback(() => {
    setIssues([]);
    setFailure(null);
    setConflict(false);
  }, []);
  return { issues, failure, conflict, attempt, fail, failWith, clear };
}
