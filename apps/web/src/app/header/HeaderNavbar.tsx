import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../features/common/components/Icon';
import { usePermission } from '../../features/session/hooks/useSession';

/**
 * The main menu. On small screens bootstrap-italia turns it into a side panel; here the panel is
 * opened and closed without Bootstrap's script (Escape closes it and returns focus to the toggle).
 */
export function HeaderNavbar() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const canSeeSystem = usePermission('system.get');
  const canSeeJobs = usePermission('jobs.find');
  // Administration: shown to whoever may manage operators, profiles or the organisation (access issue).
  const adminPermissions = [usePermission('operators.find'), usePermission('profiles.find'), usePermission('entes.upsert')];
  const canAdminister = adminPermissions.some(Boolean);
  const canSeeAudit = usePermission('audit.find');
  const canSeePersons = usePermission('persons.find');
  const canSeeDesk = usePermission('desks.home');
  const canSeeProposals = usePermission('proposals.find');

  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) close();
  };
  const shown = open ? { display: 'block' } : undefined;
  const items = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/sportello', label: t('desk.nav'), show: canSeeDesk },
    { to: '/persone', label: t('persons.nav'), show: canSeePersons },
    { to: '/proposte', label: t('proposals.nav'), show: canSeeProposals },
    { to: '/sistema', label: t('nav.system'), show: canSeeSystem },
    { to: '/sistema/job', label: t('nav.jobs'), show: canSeeJobs },
    { to: '/amministrazione/organizzazione', label: t('nav.admin'), show: canAdminister },
    { to: '/audit', label: t('nav.audit'), show: canSeeAudit },
  ];

  return (
    <div className="it-header-navbar-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <nav className="navbar navbar-expand-lg" aria-label={t('nav.label')} onKeyDown={onKeyDown}>
              <button
                ref={toggleRef}
                className="custom-navbar-toggler"
                type="button"
                aria-controls="main-menu"
                aria-expanded={open}
                aria-label={t('nav.open')}
                onClick={() => setOpen(true)}
              >
                <Icon name="it-burger" />
              </button>
              <div className={`navbar-collapsable${open ? ' expanded' : ''}`} id="main-menu" style={shown}>
                <div className="overlay" style={shown} onClick={close} />
                <div className="close-div">
                  <button ref={closeRef} className="btn close-menu" type="button" onClick={close}>
                    <span className="visually-hidden">{t('nav.close')}</span>
                    <Icon name="it-close-big" />
                  </button>
                </div>
                <div className="menu-wrapper">
                  <ul className="navbar-nav">
                    {items
                      .filter((i) => i.show)
                      .map((i) => (
                        <li key={i.to} className="nav-item">
                          <NavLink className="nav-link" to={i.to} end onClick={() => setOpen(false)}>
                            <span>{i.label}</span>
                          </NavLink>
                        </li>
                      ))}
                  </ul>
                </div>
              </div>
            </nav>
          </div>
        </div>
      </div>
    </div>
  );
}
