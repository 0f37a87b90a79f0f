import { createBrowserRouter, Navigate } from 'react-router';
import type { ReactNode } from 'react';
import { AccessibilityPage } from '../routes/AccessibilityPage';
import { AuditPage } from '../routes/AuditPage';
import { AccountPage } from '../routes/AccountPage';
import { ContextPage } from '../routes/ContextPage';
import { HomePage } from '../routes/HomePage';
import { JobsPage } from '../routes/JobsPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { SystemPage } from '../routes/SystemPage';
import { Layout } from './Layout';
import { RequirePermission } from './RequirePermission';
import { RouteError } from './RouteError';
import { SessionGate } from './SessionGate';
import { AdminPage } from '../routes/AdminPage';
import { PersonsPage } from '../routes/PersonsPage';
import { PersonNewPage } from '../routes/PersonNewPage';
import { PersonPage } from '../routes/PersonPage';
import { PersonsDuplicatesPage } from '../routes/PersonsDuplicatesPage';
import { PersonsMergePage } from '../routes/PersonsMergePage';
import { DeskHomePage } from '../features/desk/pages/DeskHomePage';
import { DeskIntakeListPage } from '../features/desk/pages/DeskIntakeListPage';
import { ReceivedIntakePage } from '../features/desk/pages/ReceivedIntakePage';
import { ProposalsPage } from '../features/proposals/ProposalsPage';
import { IntakeNewPage } from '../routes/IntakeNewPage';
import { IntakeRecordPage } from '../routes/IntakeRecordPage';

function guarded(action: string, page: ReactNode) {
  return <RequirePermission action={action}>{page}</RequirePermission>;
}

/** Routes. Pages of the operator sit behind the session gate; the accessibility statement is public. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError standalone />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { path: 'accessibilita', element: <AccessibilityPage /> },
            {
              element: <SessionGate />,
              children: [
                { index: true, element: <HomePage /> },
                { path: 'contesto', element: <ContextPage /> },
                { path: 'profilo', element: <AccountPage /> },
                // Where the OIDC callback sends a refused login (?error=…); once logged in, the desk.
                { path: 'login', element: <Navigate to="/" replace /> },
                { path: 'sistema', element: guarded('system.get', <SystemPage />) },
                { path: 'sistema/job', element: guarded('jobs.find', <JobsPage />) },
                { path: 'audit', element: guarded('audit.find', <AuditPage />) },
                { path: 'amministrazione/organizzazione', element: guarded('organisation.tree', <AdminPage section="organisation" />) },
                { path: 'amministrazione/operatori', element: guarded('operators.find', <AdminPage section="operators" />) },
                { path: 'amministrazione/profili', element: guarded('profiles.find', <AdminPage section="profiles" />) },
                { path: 'amministrazione/campi', element: guarded('fields.find', <AdminPage section="customFields" />) },
                { path: 'persone', element: guarded('persons.find', <PersonsPage />) },
                { path: 'persone/nuova', element: guarded('persons.create', <PersonNewPage />) },
                { path: 'persone/duplicati', element: guarded('persons.findDuplicates', <PersonsDuplicatesPage />) },
                { path: 'persone/unisci', element: guarded('persons.merge', <PersonsMergePage />) },
                { path: 'persone/:id', element: guarded('persons.get', <PersonPage />) },
                { path: 'sportello/schede/nuova', element: guarded('intakeRecords.create', <IntakeNewPage />) },
                { path: 'sportello/schede/:id', element: guarded('intakeRecords.get', <IntakeRecordPage />) },
                { path: 'sportello', element: guarded('desks.home', <DeskHomePage />) },
                { path: 'sportello/schede', element: guarded('intakeRecords.find', <DeskIntakeListPage />) },
                { path: 'sportello/ricevute/:transferId', element: guarded('intakeTransfers.find', <ReceivedIntakePage />) },
                { path: 'proposte', element: guarded('proposals.find', <ProposalsPage />) },
                { path: 'amministrazione/sportelli', element: guarded('desks.configure', <AdminPage section="desks" />) },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
