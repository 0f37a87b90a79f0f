import type { ActionOutput } from '../../../lib/api';
import { professionalTypes } from '@siso/shared';
import type { TFunction } from 'i18next';
import type { FieldSpec } from './FormFields';

type Tree = ActionOutput<'organisation.tree'>;
type Profiles = ActionOutput<'profiles.find'>;

/** The fields of an assignment: office (from the tree), professional type, validity dates, profile. */
export function assignmentFields(t: TFunction, tree: Tree | undefined, profiles: Profiles | undefined, prefix = ''): FieldSpec[] {
  const offices = (tree?.ambiti ?? []).flatMap((a) =>
    a.enti.flatMap((e) => e.offices.filter((o) => !o.archived).map((o) => ({ value: o.id, label: `${e.name} — ${o.name}` }))),
  );
  return [
    { name: `${prefix}officeId`, label: t('admin.fields.office'), type: 'select', required: true, options: offices },
    { name: `${prefix}professionalType`, label: t('admin.fields.professionalType'), type: 'select', required: true, options: professionalTypes.map((p) => ({ value: p, label: t(`professionalTypes.${p}`) })) },
    { name: `${prefix}validFrom`, label: t('admin.fields.validFrom'), type: 'date', required: true },
    { name: `${prefix}validTo`, label: t('admin.fields.validTo'), type: 'date' },
    {
      name: `${prefix}profileIds`,
      label: t('admin.fields.profile'),
      type: 'select',
      required: true,
      options: (profiles?.items ?? []).filter((p) => !p.archived).map((p) => ({ value: p.id, label: p.ambitoId ? p.name : `${p.name} (${t('admin.profiles.template')})` })),
    },
  ];
}

export const today = () => new Date().toISOString().slice(0, 10);
