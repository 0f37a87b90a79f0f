import { useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { i18n } from '../i18n/i18n';
import { createQueryClient } from '../lib/query';
import { ErrorBoundary } from './ErrorBoundary';
import { createRouter } from './router';

/** Providers around the router: i18n, TanStack Query, the error boundary. */
export function App() {
  const [client] = useState(createQueryClient);
  const [router] = useState(createRouter);

  useEffect(() => {
    // Server texts (error messages, job titles) are localised: ask again in the new language.
    const onChange = () => void client.invalidateQueries();
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [client]);

  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
