import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isMasked } from '@siso/shared';
import type { PersonView } from '@siso/shared';
import { useStates } from '../../hooks/useReference';
import { useValueText } from '../../hooks/useValueText';
import { formatDate } from '../../lib/format';
import { useCodeLabel } from '../form/CodeListSelect';
import { ReservedFieldName } from '../../../break-glass/BreakGlassContext';
import { ReservedText } from '../../../break-glass/components/ReservedText';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-sm-4 col-lg-3">{label}</dt>
      {/* A masked value here names this field on its "Accesso di emergenza" button. */}
      <dd className="col-sm-8 col-lg-9"><ReservedFieldName.Provider value={label}>{children}</ReservedFieldName.Provider></dd>
    </>
  );
}

/** The registry data of a person, section by section; masked values read "Riservato" (with the emergency access where offered). */
export function PersonDataView({ person: p }: { person: PersonView }) {
  const { t } = useTranslation();
  const values = useValueText();
  const reserved = <ReservedText text={values.reserved} />;
  const text = (v: unknown) => (isMasked(v) ? reserved : values.text(v));
  const describe = (v: unknown) => (isMasked(v) ? reserved : values.describe(v));
  const civil = useCodeLabel('anpr.stato_civile');
  const states = useStates();
  const stateName = (code: string) => states.data?.items.find((s) => s.code === code)?.name ?? code;
  const date = (v: PersonView['birthDate']) => (isMasked(v) ? reserved : formatDate(v));
  const section = (title: string, rows: ReactNode) => (
    <div className="mb-4">
      <h3 className="h5 border-bottom pb-1">{title}</h3>
      <dl className="row mb-0">{rows}</dl>
    </div>
  );
  return (
    <>
      {section(t('persons.sections.identity'), <>
        <Row label={t('persons.fields.surname')}>{text(p.surname)}</Row>
        <Row label={t('persons.fields.name')}>{text(p.name)}</Row>
        <Row label={t('persons.fields.sex')}>{isMasked(p.sex) ? reserved : p.sex ? t(`persons.sex.${p.sex}`) : '—'}</Row>
        {p.anonymousCode && <Row label={t('persons.fields.anonymousCode')}>{p.anonymousCode}</Row>}
        <Row label={t('persons.fields.stpEniCode')}>{text(p.stpEniCode)}</Row>
        <Row label={t('persons.fields.aliases')}>
          {isMasked(p.aliases) ? reserved : p.aliases.length === 0 ? '—' : (
            <ul className="list-unstyled mb-0">{p.aliases.map((a, i) => <li key={i}>{[a.surname, a.name].filter(Boolean).join(' ')}{a.note ? ` (${a.note})` : ''}</li>)}</ul>
          )}
        </Row>
      </>)}
      {section(t('persons.sections.birth'), <>
        <Row label={t('persons.fields.birthDate')}>{date(p.birthDate)}</Row>
        <Row label={t('persons.fields.birthPlace')}>{text(p.birthPlaceName)}</Row>
        <Row label={t('persons.fields.dateOfDeath')}>{date(p.dateOfDeath)}</Row>
      </>)}
      {section(t('persons.sections.citizenship'), <>
        <Row label={t('persons.fields.citizenships')}>{isMasked(p.citizenships) ? reserved : p.citizenships.map(stateName).join(', ') || '—'}</Row>
        <Row label={t('persons.fields.civilStatus')}>{isMasked(p.civilStatus) ? reserved : civil(p.civilStatus)}</Row>
      </>)}
      {section(t('persons.sections.housingShort'), <>
        <Row label={t('persons.fields.homeless')}>{describe(p.homeless)}</Row>
        {/* A protected person's whereabouts are withheld by the protection, not by a class: no emergency access opens them. */}
        <Row label={t('persons.fields.receptionFacility')}>{p.protected ? values.text(p.receptionFacility) : text(p.receptionFacility)}</Row>
      </>)}
      {section(t('persons.sections.health'), <>
        <Row label={t('persons.fields.gp')}>{isMasked(p.gp) ? reserved : p.gp ? [p.gp.name, p.gp.regionalCode, p.gp.phone].filter(Boolean).join(' · ') : '—'}</Row>
        <Row label={t('persons.fields.healthCardNumber')}>{text(p.healthCardNumber)}</Row>
      </>)}
      {section(t('persons.sections.notes'), <>
        <Row label={t('persons.fields.notes')}><span className="text-pre-wrap">{text(p.notes)}</span></Row>
        <Row label={t('persons.fields.anprId')}>{text(p.anprId)}</Row>
        <Row label={t('persons.fields.registrySync')}>{describe(p.registrySync)}</Row>
      </>)}
      {p.protected && section(t('persons.sections.protection'), <>
        <Row label={t('persons.fields.protectionReason')}>{isMasked(p.protectionReason) ? reserved : p.protectionReason ? t(`persons.protectionReasons.${p.protectionReason}`) : '—'}</Row>
      </>)}
    </>
  );
}
