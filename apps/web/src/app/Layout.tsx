import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Footer } from './Footer';
import { Header } from './header/Header';
import { SkipLinks } from './SkipLinks';

/**
 * The shell: skip links, header, the `<main>` landmark and the footer. After a navigation focus moves
 * to the new page's main heading, so screen readers announce it.
 */
export function Layout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = mainRef.current;
    const heading = main?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else {
      main?.focus();
    }
  }, [pathname]);

  return (
    <div className="d-flex flex-column min-vh-100">
      <SkipLinks />
      <Header />
      <main id="main-content" ref={mainRef} tabIndex={-1} className="container flex-grow-1 py-4 py-lg-5">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
