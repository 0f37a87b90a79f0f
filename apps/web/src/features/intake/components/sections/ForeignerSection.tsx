import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { ReservedField } from '../../../persons/components/form/fields';
import { StatePicker } from '../../../persons/components/form/PlacePickers';
import { useStates } from '../../../persons/hooks/useReference';
import { usePlainSection } from '../../hooks/usePlainSection';
import { FieldGrid } from '../FieldGrid';
import { SectionForm } from '../SectionForm';

/**
 * Stranieri (FAMI-compatible: arrival, country, permit, international protection — D.Lgs. 251/2007 —,
 * Italian level, reception, unaccompanied minor). A foreigner-class section: "Riservato" to profiles
 * without that class.
 */
export function ForeignerSection({ intake, canSave }: { intake: IntakeView | null; canSave: boolean }) {
  const { t } = useTranslation();
  const s = usePlainSection('foreigner', intake);
  const states = useStates();
  const code = typeof s.state.values.countryOfOrigin === 'string' ? s.state.values.countryOfOrigin : '';
  const state = code ? states.data?.items.find((x) => x.code === code) : undefined;
  const value = code ? { kind: 'state' as const, code, name: state?.name ?? code, belfiore: state?.belfiore ?? null } : null;
  const label = t('intake.fields.foreigner.countryOfOrigin');
  return (
    <SectionForm section="foreigner" title={t('intake.sections.foreigner')} intake={intake} canSave={canSave} build={() => { const b = s.build(); return { input: { foreigner: b.input }, problems: b.problems }; }}>
      <div className="row">
        <div className="col-12 col-md-6">
          {s.state.masked.has('countryOfOrigin') ? (
            <ReservedField label={label} text={t('persons.masked')} />
          ) : (
            <StatePicker key={states.isPending ? 'loading' : 'ready'} path="countryOfOrigin" label={label} value={value} onChange={(v) => s.set('countryOfOrigin', v?.code ?? '')} exclude={['100']} />
          )}
        </div>
      </div>
      <FieldGrid section="foreigner" fields={s.fields} state={s.state} onChange={s.set} />
    </SectionForm>
  );
}
