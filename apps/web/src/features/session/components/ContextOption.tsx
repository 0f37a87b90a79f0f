import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkContext } from '@siso/shared';

interface ContextOptionProps {
  id: string;
  ctx: WorkContext;
  checked: boolean;
  onChoose: () => void;
  ref?: Ref<HTMLInputElement> | undefined;
}

/** One assignment of the context choice: ente and office, office type, professional type, ambito. */
export function ContextOption({ id, ctx, checked, onChoose, ref }: ContextOptionProps) {
  const { t } = useTranslation();
  return (
    <li className="border rounded p-3 mb-2">
      <div className="form-check mb-0">
        <input
          ref={ref}
          id={id}
          type="radio"
          name="context"
          value={ctx.assignmentId}
          checked={checked}
          required
          onChange={onChoose}
        />
        <label htmlFor={id} className="d-block">
          <strong>{ctx.enteName}</strong> — {ctx.officeName}
          <span className="d-block small text-secondary">
            {t(`officeTypes.${ctx.officeType}`)} · {t(`professionalTypes.${ctx.professionalType}`)}
            {ctx.ambitoName && ` · ${t('context.ambito', { name: ctx.ambitoName })}`}
          </span>
        </label>
      </div>
    </li>
  );
}
