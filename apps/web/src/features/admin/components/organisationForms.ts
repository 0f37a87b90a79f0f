import type { AmbitoView, ContactPointView, EnteView, OfficeView } from '@siso/shared';
import { enteKinds, officeTypes } from '@siso/shared';
import type { TFunction } from 'i18next';
import type { FieldSpec, FormValues } from './FormFields';

/** What the tree is editing: a new child of `parentId`, or an existing record. */
export type Editing =
  | { kind: 'ambito'; record?: Omit<AmbitoView, 'enti'> }
  | { kind: 'ente'; parentId: string; record?: Omit<EnteView, 'offices'> }
  | { kind: 'office'; parentId: string; record?: Omit<OfficeView, 'contactPoints'> }
  | { kind: 'contactPoint'; parentId: string; record?: ContactPointView };

export function fieldsFor(kind: Editing['kind'], t: TFunction): FieldSpec[] {
  const name = { name: 'name', label: t('admin.fields.name'), required: true };
  switch (kind) {
    case 'ambito':
      return [{ name: 'code', label: t('admin.fields.code'), required: true }, name];
    case 'ente':
      return [
        name,
        { name: 'kind', label: t('admin.fields.kind'), type: 'select', required: true, options: enteKinds.filter((k) => k !== 'regione').map((k) => ({ value: k, label: t(`admin.enteKinds.${k}`) })) },
        { name: 'fiscalCode', label: t('admin.fields.enteFiscalCode') },
        { name: 'belfioreCode', label: t('admin.fields.belfioreCode') },
        { name: 'istatCode', label: t('admin.fields.istatCode') },
        { name: 'isCapofila', label: t('admin.fields.isCapofila'), type: 'checkbox' },
      ];
    case 'office':
      return [
        name,
        { name: 'type', label: t('admin.fields.officeType'), type: 'select', required: true, options: officeTypes.map((o) => ({ value: o, label: t(`officeTypes.${o}`) })) },
        { name: 'email', label: t('admin.fields.email'), type: 'email' },
        { name: 'phone', label: t('admin.fields.phone') },
        { name: 'archived', label: t('admin.fields.archived'), type: 'checkbox' },
      ];
    case 'contactPoint':
      return [name, { name: 'address', label: t('admin.fields.address') }, { name: 'openingHours', label: t('admin.fields.openingHours') }];
  }
}

export function initialFor(e: Editing): FormValues {
  const r = e.record as Record<string, unknown> | undefined;
  const v: FormValues = {};
  for (const k of ['code', 'name', 'kind', 'fiscalCode', 'belfioreCode', 'istatCode', 'type', 'email', 'phone', 'address', 'openingHours']) {
    const x = r?.[k];
    if (typeof x === 'string') v[k] = x;
  }
  v.isCapofila = r?.isCapofila === true;
  v.archived = r?.archived === true;
  if (!r && e.kind === 'ente') v.kind = 'comune';
  if (!r && e.kind === 'office') v.type = 'sportello_accoglienza';
  return v;
}
