import { useEffect, useId, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { Icon } from './Icon';

interface DropdownProps {
  /** Class of the wrapper, e.g. `nav-item dropdown` in the slim header. */
  className?: string;
  /** Content of the toggle button. */
  label: ReactNode;
  /** Accessible name of the toggle when its content is not enough (an icon, a badge). */
  ariaLabel?: string;
  buttonClassName?: string;
  menuClassName?: string;
  alignEnd?: boolean;
  showCaret?: boolean;
  /** The menu content; `close` hides it and gives focus back to the toggle. */
  children: (close: () => void) => ReactNode;
  onOpen?: () => void;
}

/**
 * A disclosure menu with bootstrap-italia dropdown markup, without Bootstrap's script: the toggle
 * reports aria-expanded, Escape closes it and returns focus, a click or focus outside closes it.
 */
export function Dropdown(props: DropdownProps) {
  const { className = 'dropdown', label, ariaLabel, buttonClassName = 'btn btn-dropdown', menuClassName = '', alignEnd, showCaret = true } = props;
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close();
    }
  };
  const onBlur = (e: FocusEvent) => {
    if (open && !rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
  };
  const toggle = () => {
    if (!open) props.onOpen?.();
    setOpen(!open);
  };

  return (
    <div className={className} ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggleRef}
        type="button"
        className={`${buttonClassName} dropdown-toggle`}
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={ariaLabel}
        onClick={toggle}
      >
        {label}
        {showCaret && <Icon name={open ? 'it-collapse' : 'it-expand'} size="xs" className="icon-expand ms-1" />}
      </button>
      <div
        id={menuId}
        className={`dropdown-menu${alignEnd ? ' dropdown-menu-end' : ''}${open ? ' show' : ''} ${menuClassName}`}
        data-bs-popper="static"
        hidden={!open}
      >
        {open && props.children(close)}
      </div>
    </div>
  );
}
