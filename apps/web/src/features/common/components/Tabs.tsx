import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

interface TabsProps<K extends string> {
  id: string;
  tabs: Array<{ key: K; label: string }>;
  active: K;
  onSelect: (key: K) => void;
  label: string;
  className?: string;
}

/**
 * WAI-ARIA tabs (bootstrap-italia nav-tabs): arrows, Home and End move; only the active tab is tabbable.
 * Tab `${id}-tab-${key}` controls the panel `${id}-panel-${key}`.
 */
export function Tabs<K extends string>({ id, tabs, active, onSelect, label, className }: TabsProps<K>) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next]!.key);
    refs.current[next]?.focus();
  };
  return (
    <ul className={`nav nav-tabs${className ? ` ${className}` : ''}`} role="tablist" aria-label={label}>
      {tabs.map((tab, i) => (
        <li key={tab.key} className="nav-item" role="presentation">
          <button
            ref={(el) => {
              refs.current[i] = el;
            }}
            id={`${id}-tab-${tab.key}`}
            type="button"
            role="tab"
            className={`nav-link${tab.key === active ? ' active' : ''}`}
            aria-selected={tab.key === active}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={tab.key === active ? 0 : -1}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
