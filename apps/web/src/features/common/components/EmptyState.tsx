import type { ReactNode } from 'react';
import { Icon } from './Icon';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  icon?: string;
}

/** Shown where a list or a page has nothing to show yet. */
export function EmptyState({ title, children, icon = 'it-inbox' }: EmptyStateProps) {
  return (
    <div className="text-center py-5 px-3 border rounded bg-light">
      <Icon name={icon} size="xl" color="secondary" />
      <p className="h5 mt-3 mb-2">{title}</p>
      {children && <div className="text-secondary">{children}</div>}
    </div>
  );
}
