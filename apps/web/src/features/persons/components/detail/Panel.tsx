import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * A task opened in place on the person page (edit, new address, replace code…): focus moves to its
 * heading when it opens and back to what opened it when it closes; Escape closes it.
 */
export function Panel({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    heading.current?.focus();
    return () => {
      const el = opener.current;
      if (el instanceof HTMLElement && el.isConnected) el.focus();
    };
  }, []);
  return (
    <section
      className="card card-bg p-4 my-4 border border-primary"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={headingId} ref={heading} tabIndex={-1} className="h4">
        {title}
      </h2>
      {children}
    </section>
  );
}
