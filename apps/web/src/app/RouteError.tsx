import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { ErrorPage } from './ErrorPage';

/** Router error element: logs the error and shows the friendly page inside the shell. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  useEffect(() => {
    console.error('SISO: page failed', error);
  }, [error]);
  return <ErrorPage standalone={standalone} />;
}
