import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { CheckInput, ReservedField, SelectInput, TextArea, TextInput } from '../../../persons/components/form/fields';
import { currentLanguage } from '../../../../i18n/i18n';
import { customPayload, customState, type CustomDefinition, type CustomFormValue } from '../../lib/customValues';
import { SectionForm } from '../SectionForm';

/** "Campi dello sportello": the fields the desk's configuration adds (issue 5, point 6), drawn by type. */
export function CustomFieldsSection({ intake, canSave }: { intake: IntakeView; canSave: boolean }) {
  const { t } = useTranslation();
  const defs = [...intake.customFields].sort((a, b) => a.position - b.position);
  const [state, setState] = useState(() => customState(defs, intake.custom));
  if (defs.length === 0) return null;
  const set = (key: string, v: CustomFormValue) => setState((s) => ({ ...s, values: { ...s.values, [key]: v } }));
  const build = () => {
    const { input, problems } = customPayload(defs, state);
    return { input: { custom: input }, problems };
  };
  return (
    <SectionForm section="custom" title={t('intake.sections.custom')} intake={intake} canSave={canSave} build={build} labelOf={(key) => { const d = defs.find((x) => x.key === key); return d ? (currentLanguage() === 'en' && d.labelEn) || d.labelIt : key; }}>
      <div className="row">
        {defs.map((d) => (
          <div key={d.key} className={d.type === 'long_text' || d.type === 'multi_choice' ? 'col-12' : 'col-12 col-md-6'}>
            <CustomInput def={d} value={state.values[d.key]} masked={state.masked.has(d.key)} onChange={(v) => set(d.key, v)} />
          </div>
        ))}
      </div>
    </SectionForm>
  );
}

function CustomInput({ def: d, value, masked, onChange }: { def: CustomDefinition; value: CustomFormValue | undefined; masked: boolean; onChange: (v: CustomFormValue) => void }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const label = (en && d.labelEn) || d.labelIt;
  const hint = ((en && d.helpEn) || d.helpIt) ?? undefined;
  const path = d.key;
  if (masked) return <ReservedField label={label} text={t('persons.masked')} />;
  const text = typeof value === 'string' ? value : '';
  const options = d.options.filter((o) => !o.archived || o.code === text).map((o) => ({ value: o.code, label: (en && o.labelEn) || o.labelIt }));
  switch (d.type) {
    case 'boolean':
      return <CheckInput path={path} label={label} hint={hint} checked={value === true} onChange={onChange} />;
    case 'long_text':
      return <TextArea path={path} label={label} hint={hint} required={d.required} value={text} onChange={onChange} />;
    case 'choice':
      return <SelectInput path={path} label={label} required={d.required} value={text} onChange={onChange} options={options} />;
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset id={`ia-custom-${d.key}`} tabIndex={-1} className="mb-4">
          <legend className="h6">{label}{d.required && <span aria-hidden="true"> *</span>}</legend>
          {hint && <p className="small">{hint}</p>}
          {d.options.filter((o) => !o.archived || chosen.includes(o.code)).map((o) => (
            <div key={o.code} className="form-check">
              <input id={`ia-custom-${d.key}-${o.code}`} type="checkbox" checked={chosen.includes(o.code)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))} />
              <label htmlFor={`ia-custom-${d.key}-${o.code}`}>{(en && o.labelEn) || o.labelIt}</label>
            </div>
          ))}
        </fieldset>
      );
    }
    case 'date':
      return <TextInput path={path} type="date" label={label} hint={hint} required={d.required} value={text} onChange={onChange} />;
    case 'number':
      return <TextInput path={path} inputMode="decimal" label={label} hint={hint} required={d.required} value={text} onChange={onChange} />;
    default:
      return <TextInput path={path} label={label} hint={hint} required={d.required} value={text} onChange={onChange} maxLength={d.max ?? 500} />;
  }
}
