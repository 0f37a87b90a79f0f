import { useSessionQuery } from '../../features/session/hooks/useSessionQuery';
import { HeaderCenter } from './HeaderCenter';
import { HeaderNavbar } from './HeaderNavbar';
import { HeaderSlim } from './HeaderSlim';

/** bootstrap-italia header: slim, centre and (once a context is chosen) the navigation bar. */
export function Header() {
  const { data: session } = useSessionQuery();
  return (
    <header className="it-header-wrapper">
      <HeaderSlim />
      <div className="it-nav-wrapper">
        <HeaderCenter />
        {session?.context && <HeaderNavbar />}
      </div>
    </header>
  );
}
