import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { profileFieldClasses, profileScopes, type ProfileFieldClass, type ProfileScope, type ProfileView } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { useUpsertProfile } from '../hooks/useAdmin';
import { fieldError } from './FormFields';

interface ProfileEditorProps {
  profile?: ProfileView | undefined;
  template?: ProfileView | undefined;
  grantable: { action: string; module: string; summary: string }[];
  maxScope: ProfileScope;
  onClose: () => void;
}

const rank = (s: ProfileScope) => Math.min(profileScopes.indexOf(s), 4);

/**
 * A profile: permissions as checkboxes grouped by module (only those the administrator may grant,
 * plus those the profile already has), data scope up to the administrator's own, field classes, TOTP.
 */
export function ProfileEditor({ profile, template, grantable, maxScope, onClose }: ProfileEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const base = profile ?? template;
  const [code, setCode] = useState(profile?.code ?? (template ? `${template.code}_copia` : ''));
  const [name, setName] = useState(profile?.name ?? (template ? template.name : ''));
  const [perms, setPerms] = useState(new Set(base?.permissions ?? []));
  const [scope, setScope] = useState<ProfileScope>(base?.scope ?? 'office');
  const [readable, setReadable] = useState(new Set<ProfileFieldClass>(base?.readableClasses ?? ['public']));
  const [writable, setWritable] = useState(new Set<ProfileFieldClass>(base?.writableClasses ?? []));
  const [totp, setTotp] = useState(base?.requiresTotp ?? false);
  const [archived, setArchived] = useState(profile?.archived ?? false);
  const upsert = useUpsertProfile();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const modules = new Map<string, { action: string; summary: string }[]>();
  const known = new Set(grantable.map((g) => g.action));
  for (const g of [...grantable, ...[...perms].filter((p) => !known.has(p)).map((p) => ({ action: p, module: p.split('.')[0]!, summary: '' }))]) {
    modules.set(g.module, [...(modules.get(g.module) ?? []), g]);
  }
  const toggle = <T,>(set: Set<T>, v: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(v);
    else next.delete(v);
    return next;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await upsert.mutateAsync({
        ...(profile ? { id: profile.id, version: profile.version } : {}),
        ...(template ? { templateId: template.id } : {}),
        code, name, permissions: [...perms], scope, readableClasses: [...readable], writableClasses: [...writable], requiresTotp: totp, archived,
      });
      onClose();
    } catch {
      // shown below from upsert.error
    }
  };

  return (
    <section className="card card-bg p-4 my-3" aria-labelledby={`${id}-h`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id={`${id}-h`} className="h4" tabIndex={-1} ref={heading}>
        {profile ? t('admin.profiles.edit', { name: profile.name }) : template ? t('admin.profiles.copyOf', { name: template.name }) : t('admin.profiles.new')}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {upsert.error && <ErrorNotice error={upsert.error} />}
        <div className="form-group">
          <label htmlFor={`${id}-code`} className="active">{t('admin.fields.code')} <span aria-hidden="true">*</span></label>
          <input id={`${id}-code`} className="form-control" value={code} required aria-invalid={fieldError(upsert.error, 'code') ? true : undefined} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div className="form-group">
          <label htmlFor={`${id}-name`} className="active">{t('admin.fields.name')} <span aria-hidden="true">*</span></label>
          <input id={`${id}-name`} className="form-control" value={name} required onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="select-wrapper mb-4">
          <label htmlFor={`${id}-scope`}>{t('admin.fields.scope')}</label>
          <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as ProfileScope)}>
            {profileScopes.filter((s) => rank(s) <= rank(maxScope)).map((s) => (
              <option key={s} value={s}>{t(`admin.scopes.${s}`)}</option>
            ))}
          </select>
        </div>
        {[...modules.entries()].map(([module, actions]) => (
          <fieldset key={module} className="mb-3">
            <legend className="h6">{module}</legend>
            {actions.map((a) => (
              <div key={a.action} className="form-check">
                <input id={`${id}-${a.action}`} type="checkbox" checked={perms.has(a.action)} onChange={(e) => setPerms(toggle(perms, a.action, e.target.checked))} />
                <label htmlFor={`${id}-${a.action}`}>
                  <code>{a.action}</code> {a.summary}
                </label>
              </div>
            ))}
          </fieldset>
        ))}
        {(['readable', 'writable'] as const).map((kind) => (
          <fieldset key={kind} className="mb-3">
            <legend className="h6">{t(`admin.profiles.${kind}`)}</legend>
            {profileFieldClasses.map((c) => {
              const set = kind === 'readable' ? readable : writable;
              const setter = kind === 'readable' ? setReadable : setWritable;
              return (
                <div key={c} className="form-check form-check-inline">
                  <input id={`${id}-${kind}-${c}`} type="checkbox" checked={set.has(c)} onChange={(e) => setter(toggle(set, c, e.target.checked))} />
                  <label htmlFor={`${id}-${kind}-${c}`}>{t(`admin.classes.${c}`)}</label>
                </div>
              );
            })}
          </fieldset>
        ))}
        <div className="form-check mb-2">
          <input id={`${id}-totp`} type="checkbox" checked={totp} onChange={(e) => setTotp(e.target.checked)} />
          <label htmlFor={`${id}-totp`}>{t('admin.profiles.requiresTotp')}</label>
        </div>
        {profile && (
          <div className="form-check mb-3">
            <input id={`${id}-archived`} type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
            <label htmlFor={`${id}-archived`}>{t('admin.fields.archived')}</label>
          </div>
        )}
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={upsert.isPending}>{t('admin.save')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
