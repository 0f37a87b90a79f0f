import { useTranslation } from 'react-i18next';
import { useCodeList } from '../../hooks/useReference';
import { SelectInput } from './fields';

/** A select over a code list of the reference data (reference.codeList), e.g. `anpr.stato_civile`. */
export function CodeListSelect({ list, path, label, value, onChange, required }: { list: string; path: string; label: string; value: string; onChange: (v: string) => void; required?: boolean }) {
  const { t } = useTranslation();
  const codes = useCodeList(list);
  const options = (codes.data?.items ?? []).map((c) => ({ value: c.code, label: c.label ?? c.code }));
  // A stored code no longer in force still shows (and stays) as it is.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return <SelectInput path={path} label={label} value={value} onChange={onChange} options={options} required={required} emptyLabel={codes.isPending ? t('common.loading') : '—'} />;
}

/** The label of a code, or the code itself while the list loads. */
export function useCodeLabel(list: string) {
  const codes = useCodeList(list);
  return (code: string | null | undefined) => (code ? (codes.data?.items.find((c) => c.code === code)?.label ?? code) : '—');
}
