import { useTranslation } from 'react-i18next';
import { CodeListSelect } from '../../persons/components/form/CodeListSelect';
import { CheckInput, ReservedField, SelectInput, TextArea, TextInput } from '../../persons/components/form/fields';
import { useDynamicText } from '../hooks/useDynamicText';
import type { FieldSpec } from '../lib/fieldSpecs';
import type { FieldValue, SectionState } from '../lib/sectionValues';

interface FieldGridProps {
  section: string;
  fields: readonly FieldSpec[];
  state: SectionState;
  onChange: (key: string, value: FieldValue) => void;
  /** Keys to leave out (shown elsewhere or only under a condition). */
  hide?: readonly string[];
}

/** The plain fields of a section, two columns on wide screens; a masked field reads "Riservato". */
export function FieldGrid({ section, fields, state, onChange, hide = [] }: FieldGridProps) {
  return (
    <div className="row">
      {fields
        .filter((f) => !f.own && !hide.includes(f.key))
        .map((f) => (
          <div key={f.key} className={f.kind === 'longText' ? 'col-12' : 'col-12 col-md-6'}>
            <FieldInput section={section} field={f} state={state} onChange={onChange} />
          </div>
        ))}
    </div>
  );
}

export function FieldInput({ section, field: f, state, onChange }: { section: string; field: FieldSpec; state: SectionState; onChange: (key: string, value: FieldValue) => void }) {
  const { t } = useTranslation();
  const tx = useDynamicText();
  const label = tx(`intake.fields.${section}.${f.key}`);
  const path = f.key;
  if (state.masked.has(f.key)) return <ReservedField label={label} text={t('persons.masked')} />;
  const v = state.values[f.key];
  const text = typeof v === 'string' ? v : '';
  const set = (value: FieldValue) => onChange(f.key, value);
  switch (f.kind) {
    case 'flag':
      return <CheckInput path={path} label={label} checked={v === true} onChange={set} />;
    case 'longText':
      return <TextArea path={path} label={label} value={text} onChange={set} />;
    case 'enum':
      return <SelectInput path={path} label={label} value={text} onChange={set} options={(f.options ?? []).map((o) => ({ value: o, label: tx(`intake.enums.${f.enumName}.${o}`) }))} />;
    case 'code':
      return <CodeListSelect list={f.list ?? ''} path={path} label={label} value={text} onChange={set} />;
    case 'date':
      return <TextInput path={path} type="date" label={label} value={text} onChange={set} />;
    case 'integer':
      return <TextInput path={path} inputMode="numeric" label={label} value={text} onChange={set} hint={f.min !== undefined && f.max !== undefined ? t('intake.form.range', { min: f.min, max: f.max }) : undefined} />;
    case 'email':
      return <TextInput path={path} type="email" autoComplete="off" label={label} value={text} onChange={set} />;
    case 'phone':
      return <TextInput path={path} type="tel" autoComplete="off" label={label} value={text} onChange={set} />;
    default:
      return <TextInput path={path} label={label} value={text} onChange={set} />;
  }
}
