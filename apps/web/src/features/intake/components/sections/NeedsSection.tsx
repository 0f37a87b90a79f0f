import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMasked } from '@siso/shared';
import type { IntakeView } from '@siso/shared';
import { ReservedField, TextArea } from '../../../persons/components/form/fields';
import { useCodeList } from '../../../persons/hooks/useReference';
import { needGroups, toggleCode } from '../../lib/needGroups';
import { SectionForm } from '../SectionForm';

/** Bisogni (siso-original §3.2): needs ticked in groups by class (siso.classe_bisogno), and notes. */
export function NeedsSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const classes = useCodeList('siso.classe_bisogno');
  const needs = useCodeList('siso.bisogno');
  const view = intake?.needs ?? null;
  const codesMasked = isMasked(view?.codes);
  const notesMasked = isMasked(view?.notes);
  const [codes, setCodes] = useState<string[]>(() => (Array.isArray(view?.codes) ? [...view.codes] : []));
  const [notes, setNotes] = useState<string>(() => (typeof view?.notes === 'string' ? view.notes : ''));
  const groups = needGroups(classes.data?.items ?? [], needs.data?.items ?? []);
  const build = () => ({
    input: { needs: { ...(codesMasked ? {} : { codes }), ...(notesMasked ? {} : { notes: notes.trim() || null }) } },
    problems: [],
  });
  return (
    <SectionForm section="needs" title={t('intake.sections.needs')} intake={intake} canSave={canSave} build={build}>
      {codesMasked ? (
        <ReservedField label={t('intake.fields.needs.codes')} text={t('persons.masked')} />
      ) : (
        <div id="ia-needs-codes" tabIndex={-1}>
          {(classes.isPending || needs.isPending) && <p>{t('common.loading')}</p>}
          {groups.map((g) => (
            <fieldset key={g.class.code || 'other'} className="mb-3">
              <legend className="h6">{g.class.label ?? (g.class.code || t('intake.needs.other'))}</legend>
              <div className="row">
                {g.needs.map((n) => (
                  <div key={n.code} className="col-12 col-md-6 col-lg-4">
                    <div className="form-check mb-2">
                      <input id={`ia-need-${n.code}`} type="checkbox" checked={codes.includes(n.code)} onChange={(e) => setCodes((c) => toggleCode(c, n.code, e.target.checked))} />
                      <label htmlFor={`ia-need-${n.code}`}>{n.label ?? n.code}</label>
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      )}
      {notesMasked ? <ReservedField label={t('intake.fields.needs.notes')} text={t('persons.masked')} /> : <TextArea path="notes" label={t('intake.fields.needs.notes')} value={notes} onChange={setNotes} />}
    </SectionForm>
  );
}
