import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deskKinds, intakeSections, profileFieldClasses, type DeskView } from '@siso/shared';
import { isApiError } from '../../../lib/api';
import { useAction } from '../../../lib/query';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { usePermission } from '../../session/hooks/useSession';
import { fieldError } from '../components/FormFields';
import { useConfigureDesk } from '../../desk/hooks/useDesks';
import { deskConfigInput, deskConfigState, emailPlaceholders, toggle, type DeskConfigState } from './deskConfigForm';

interface DeskConfigFormProps {
  desk: DeskView;
  onClose: () => void;
  onSaved: (message: string) => void;
  onReload: () => void;
}

/**
 * The configuration of one desk (issue 5, point 6): kind (and thematic code), sections required to
 * complete a scheda, profiles excluded from the desk, the masking profile, where proposals go, privacy
 * per desk, the send e-mail template and the third-sector access points. Saved with its version: a
 * concurrent change answers 409 and the form offers to reload.
 */
export function DeskConfigForm({ desk, onClose, onSaved, onReload }: DeskConfigFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [s, setS] = useState<DeskConfigState>(() => deskConfigState(desk));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const configure = useConfigureDesk();
  const profiles = useAction('profiles.find', {}, { enabled: usePermission('profiles.find') });
  const tree = useAction('organisation.tree', {}, { enabled: usePermission('organisation.tree') });
  const set = <K extends keyof DeskConfigState>(k: K, v: DeskConfigState[K]) => setS((prev) => ({ ...prev, [k]: v }));
  const thirdSector = (tree.data?.ambiti ?? [])
    .filter((a) => a.id === desk.ambitoId)
    .flatMap((a) => a.enti.flatMap((e) => e.offices.filter((o) => o.type === 'terzo_settore' && !o.archived).map((o) => ({ id: o.id, label: `${o.name} — ${e.name}` }))));
  const profileOptions = (profiles.data?.items ?? []).filter((p) => !p.archived);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    configure.mutate(deskConfigInput(s, desk.officeId, desk.version), { onSuccess: () => onSaved(t('admin.desks.form.saved')) });
  };
  const conflict = isApiError(configure.error) && configure.error.code === 'conflict';
  const err = (path: string) => fieldError(configure.error, path);
  const errNode = (path: string) => {
    const m = err(path);
    return m ? <div id={`${id}-${path}-error`} className="invalid-feedback d-block">{m}</div> : null;
  };
  const checkGroup = <T extends string>(name: string, legend: string, options: readonly T[], value: readonly T[], label: (v: T) => ReactNode, onChange: (next: T[]) => void, hint?: string) => (
    <fieldset className="mb-3" aria-describedby={[hint ? `${id}-${name}-hint` : '', err(name) ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className="h6">{legend}</legend>
      {hint && <p id={`${id}-${name}-hint`} className="small mb-1">{hint}</p>}
      <div className="row">
        {options.map((o) => (
          <div key={o} className="col-12 col-md-6 col-lg-4 form-check my-1">
            <input id={`${id}-${name}-${o}`} type="checkbox" checked={value.includes(o)} onChange={(e) => onChange(toggle(value, o, e.target.checked, options))} />
            <label htmlFor={`${id}-${name}-${o}`}>{label(o)}</label>
          </div>
        ))}
      </div>
      {errNode(name)}
    </fieldset>
  );
  return (
    <section className="card card-bg p-4 my-3" aria-labelledby={`${id}-title`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 id={`${id}-title`} className="h5" tabIndex={-1} ref={heading}>
        {t('admin.desks.form.title', { desk: `${desk.officeName} (${desk.enteName})` })}
      </h3>
      <form onSubmit={submit} noValidate>
        {conflict ? (
          <div className="alert alert-warning" role="alert">
            <p>{t('admin.desks.form.conflict')}</p>
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
              {t('admin.desks.form.reload')}
            </button>
          </div>
        ) : (
          configure.error && <ErrorNotice error={configure.error} />
        )}
        <div className="row">
          <div className="col-12 col-md-6 select-wrapper mb-4">
            <label htmlFor={`${id}-kind`}>{t('admin.desks.form.kind')}</label>
            <select id={`${id}-kind`} value={s.kind} onChange={(e) => set('kind', e.target.value as DeskConfigState['kind'])}>
              {deskKinds.map((k) => <option key={k} value={k}>{t(`desk.kinds.${k}`)}</option>)}
            </select>
          </div>
          {s.kind === 'thematic' && (
            <div className="col-12 col-md-6 form-group">
              <label htmlFor={`${id}-thematicCode`} className="active">{t('admin.desks.form.thematicCode')}</label>
              <input id={`${id}-thematicCode`} className={`form-control${err('thematicCode') ? ' is-invalid' : ''}`} value={s.thematicCode} maxLength={60} aria-invalid={err('thematicCode') ? true : undefined} aria-describedby={`${id}-thematicCode-hint${err('thematicCode') ? ` ${id}-thematicCode-error` : ''}`} onChange={(e) => set('thematicCode', e.target.value)} />
              <small id={`${id}-thematicCode-hint`} className="form-text">{t('admin.desks.form.thematicHint')}</small>
              {errNode('thematicCode')}
            </div>
          )}
        </div>
        {checkGroup('mandatorySections', t('admin.desks.form.mandatorySections'), intakeSections, s.mandatorySections, (v) => t(`admin.desks.sections.${v}`), (v) => set('mandatorySections', v))}
        {profileOptions.length > 0
          ? checkGroup('excludedProfiles', t('admin.desks.form.excludedProfiles'), profileOptions.map((p) => p.code), s.excludedProfiles, (code) => {
              const p = profileOptions.find((x) => x.code === code);
              return <>{p?.name ?? code} <code className="small">{code}</code></>;
            }, (v) => set('excludedProfiles', v), t('admin.desks.form.excludedHint'))
          : (
            <div className="form-group">
              <label htmlFor={`${id}-excludedProfiles`} className="active">{t('admin.desks.form.excludedProfiles')}</label>
              <input id={`${id}-excludedProfiles`} className="form-control" value={s.excludedProfiles.join(', ')} aria-describedby={`${id}-excludedProfiles-hint`} onChange={(e) => set('excludedProfiles', e.target.value.split(',').map((x) => x.trim()).filter(Boolean))} />
              <small id={`${id}-excludedProfiles-hint`} className="form-text">{t('admin.desks.form.excludedHint')}</small>
            </div>
          )}
        <fieldset className="mb-3">
          <legend className="h6">{t('admin.desks.form.masking')}</legend>
          {(['default', 'custom'] as const).map((m) => (
            <div key={m} className="form-check my-1">
              <input id={`${id}-masking-${m}`} type="radio" name={`${id}-masking`} checked={s.masking === m} onChange={() => set('masking', m)} />
              <label htmlFor={`${id}-masking-${m}`}>{t(m === 'default' ? 'admin.desks.form.maskingDefault' : 'admin.desks.form.maskingCustom')}</label>
            </div>
          ))}
          {s.masking === 'custom' && checkGroup('readableClasses', t('admin.desks.form.readableClasses'), profileFieldClasses, s.readableClasses, (c) => t(`admin.classes.${c}`), (v) => set('readableClasses', v))}
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h6">{t('admin.desks.form.proposalTarget')}</legend>
          {(['ente', 'capofila'] as const).map((v) => (
            <div key={v} className="form-check my-1">
              <input id={`${id}-target-${v}`} type="radio" name={`${id}-target`} checked={s.proposalTarget === v} onChange={() => set('proposalTarget', v)} />
              <label htmlFor={`${id}-target-${v}`}>{t(`admin.desks.targets.${v}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="form-check mb-3">
          <input id={`${id}-privacyPerDesk`} type="checkbox" checked={s.privacyPerDesk} onChange={(e) => set('privacyPerDesk', e.target.checked)} />
          <label htmlFor={`${id}-privacyPerDesk`}>{t('admin.desks.form.privacyPerDesk')}</label>
        </div>
        <div className="form-group">
          <label htmlFor={`${id}-emailSubject`} className="active">{t('admin.desks.form.emailSubject')}</label>
          <input id={`${id}-emailSubject`} className="form-control" value={s.emailSubject} maxLength={200} aria-describedby={`${id}-placeholders`} onChange={(e) => set('emailSubject', e.target.value)} />
          {errNode('emailSubject')}
        </div>
        <div className="form-group">
          <label htmlFor={`${id}-emailBody`} className="active">{t('admin.desks.form.emailBody')}</label>
          <textarea id={`${id}-emailBody`} className="form-control" rows={6} maxLength={5000} value={s.emailBody} aria-describedby={`${id}-placeholders`} onChange={(e) => set('emailBody', e.target.value)} />
          {errNode('emailBody')}
        </div>
        <div id={`${id}-placeholders`} className="small mb-3">
          <p className="mb-1">{t('admin.desks.form.placeholders')}</p>
          <ul className="mb-0">
            {emailPlaceholders.map((p) => (
              <li key={p}>
                {/* The braces are literal text: kept out of the catalogue, where i18next would fill them. */}
                <code>{`{{${p}}}`}</code> — {t(`admin.desks.placeholderHelp.${p}`)}
              </li>
            ))}
          </ul>
        </div>
        {thirdSector.length > 0 ? (
          checkGroup('accessPoints', t('admin.desks.form.accessPoints'), thirdSector.map((o) => o.id), s.accessPoints, (oid) => thirdSector.find((o) => o.id === oid)?.label ?? oid, (v) => set('accessPoints', v))
        ) : (
          <p className="small">
            <strong>{t('admin.desks.form.accessPoints')}</strong>: {t('admin.desks.form.accessPointsNone')}
          </p>
        )}
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={configure.isPending}>
            {configure.isPending ? t('common.loading') : t('admin.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
