import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComuneView, StateView } from '@siso/shared';
import { useDebounced } from '../../hooks/useDebounced';
import { useComuniSearch, useStates } from '../../hooks/useReference';
import { formatDate } from '../../lib/format';
import type { PlaceValue } from '../../lib/personForm';
import { Combobox } from './Combobox';

interface PickerProps {
  path: string;
  label: ReactNode;
  value: PlaceValue | null;
  onChange: (v: PlaceValue | null) => void;
  required?: boolean;
  hint?: ReactNode;
}

/** Italy is in the table of states (citizenship) but is never a place "abroad". */
const ITALY = ['100'];

const fromComune = (c: ComuneView): PlaceValue => ({ kind: 'comune', code: c.istatCode, name: c.name, belfiore: c.belfiore });
const fromState = (s: StateView): PlaceValue => ({ kind: 'state', code: s.code, name: s.name, belfiore: s.belfiore });

/** Comuni by name (reference.comuni), only those that existed on `on` (birth date, address start). */
export function ComunePicker({ on, ...p }: PickerProps & { on?: string | undefined }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim());
  const res = useComuniSearch(debounced, on || undefined);
  const options = debounced.length >= 2 ? (res.data?.items.map(fromComune) ?? []) : [];
  const validity = useMemo(() => new Map(res.data?.items.map((c) => [c.istatCode, c]) ?? []), [res.data]);
  const text = (o: PlaceValue) => {
    const c = validity.get(o.code);
    const until = c?.validTo ? ` — ${t('persons.place.until', { date: formatDate(c.validTo) })}` : '';
    return `${o.name}${o.belfiore ? ` (${o.belfiore})` : ''}${until}`;
  };
  return (
    <Combobox<PlaceValue>
      {...p}
      options={options}
      loading={res.isFetching || q.trim() !== debounced}
      optionKey={(o) => `${o.code}:${o.belfiore ?? ''}`}
      optionText={text}
      onQuery={setQ}
      onSelect={p.onChange}
      noResults={t('persons.place.noComune')}
    />
  );
}

/** Foreign states (reference.states, all of them, filtered here). */
export function StatePicker(p: PickerProps & { exclude?: readonly string[] }) {
  const { t } = useTranslation();
  const states = useStates();
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const options = useMemo(
    () =>
      needle.length < 1
        ? []
        : (states.data?.items ?? [])
            .filter((s) => !p.exclude?.includes(s.code) && (s.name.toLowerCase().includes(needle) || s.isoAlpha2?.toLowerCase() === needle))
            .sort((a, b) => Number(!a.name.toLowerCase().startsWith(needle)) - Number(!b.name.toLowerCase().startsWith(needle)))
            .slice(0, 15)
            .map(fromState),
    [states.data, needle, p.exclude],
  );
  return (
    <Combobox<PlaceValue>
      {...p}
      options={options}
      loading={states.isPending}
      optionKey={(o) => o.code}
      optionText={(o) => o.name}
      onQuery={setQ}
      onSelect={p.onChange}
      noResults={t('persons.place.noState')}
    />
  );
}

/** A place in Italy (comune) or abroad (state): a choice of the two, then the matching picker. */
export function PlaceField({ path, legend, labels, value, onChange, on, required }: {
  path: string;
  legend: string;
  /** Names of the two pickers, e.g. "Comune di nascita" / "Stato di nascita". */
  labels: { comune: string; state: string };
  value: PlaceValue | null;
  onChange: (v: PlaceValue | null) => void;
  on?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [abroad, setAbroad] = useState(value?.kind === 'state');
  const isAbroad = value ? value.kind === 'state' : abroad;
  const name = useId();
  const pick = (toAbroad: boolean) => {
    setAbroad(toAbroad);
    if (value && (value.kind === 'state') !== toAbroad) onChange(null);
  };
  return (
    <fieldset className="mb-2">
      <legend className="h6 fw-semibold">{legend}</legend>
      <div className="d-flex gap-4 mb-2">
        <div className="form-check form-check-inline">
          <input type="radio" id={`${name}-it`} name={name} checked={!isAbroad} onChange={() => pick(false)} />
          <label htmlFor={`${name}-it`}>{t('persons.place.italy')}</label>
        </div>
        <div className="form-check form-check-inline">
          <input type="radio" id={`${name}-abroad`} name={name} checked={isAbroad} onChange={() => pick(true)} />
          <label htmlFor={`${name}-abroad`}>{t('persons.place.abroad')}</label>
        </div>
      </div>
      {isAbroad ? (
        <StatePicker path={path} label={labels.state} value={value} onChange={onChange} required={required} exclude={ITALY} />
      ) : (
        <ComunePicker path={path} label={labels.comune} value={value} onChange={onChange} on={on} required={required} hint={on ? t('persons.place.validOn', { date: formatDate(on) }) : undefined} />
      )}
    </fieldset>
  );
}
