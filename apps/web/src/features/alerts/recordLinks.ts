/**
 * Where an alert's link `{ kind, id }` leads in the web app. Kinds not listed here have no page yet:
 * their alerts show the title as plain text. Modules add their kinds as their pages arrive.
 */
const routes: Record<string, (id: string) => string> = {
  jobRun: () => '/sistema/job',
  intakeRecord: (id) => `/sportello/schede/${id}`,
  intakeTransfer: (id) => `/sportello/ricevute/${id}`,
  proposal: () => '/proposte',
};

export function routeForLink(link: { kind: string; id: string } | null): string | null {
  if (!link) return null;
  const route = routes[link.kind];
  return route ? route(link.id) : null;
}
