import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../common/components/Icon';

const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider dialog for lists (bootstrap-italia `modal-lg`). */
  large?: boolean;
}

/**
 * A modal dialog with bootstrap-italia markup, drawn without Bootstrap's script. WCAG 2.1 (2.1.2, 2.4.3):
 * focus moves into the dialog when it opens, Tab and Shift+Tab stay inside it, Escape closes it, and
 * focus goes back to the control that opened it when it closes.
 */
export function Modal({ title, onClose, children, large }: ModalProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = dialog.current?.querySelector<HTMLElement>('.modal-body ' + focusable.split(', ').join(', .modal-body '));
    (first ?? dialog.current)?.focus();
    return () => opener?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(focusable)];
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (!firstItem || !lastItem) return;
    if (e.shiftKey && document.activeElement === firstItem) {
      e.preventDefault();
      lastItem.focus();
    } else if (!e.shiftKey && document.activeElement === lastItem) {
      e.preventDefault();
      firstItem.focus();
    }
  };
  return createPortal(
    <>
      <div className="modal fade show d-block" tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} onKeyDown={onKeyDown}>
        <div className={`modal-dialog modal-dialog-scrollable${large ? ' modal-lg' : ''}`} role="document">
          <div className="modal-content">
            <div className="modal-header">
              <h2 className="modal-title h5 no_toc" id={titleId}>
                {title}
              </h2>
              <button type="button" className="btn-close" onClick={onClose} aria-label={t('desk.modal.close')}>
                <Icon name="it-close" />
              </button>
            </div>
            <div className="modal-body">{children}</div>
          </div>
        </div>
      </div>
      <div className="modal-backdrop fade show" />
    </>,
    document.body,
  );
}
