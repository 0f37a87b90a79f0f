import { describe, expect, it } from 'vitest';
import { deskInterventionTypes, serviceRequestStatuses, intakeStatuses } from '@siso/shared';
import itCatalogue from '../../../i18n/it.json';
import { sectionFields } from './fieldSpecs';
import { formSections } from './sectionList';

/** The keys the intake page builds at run time (useDynamicText) exist in the Italian catalogue. */
describe('intake i18n keys', () => {
  const intake = itCatalogue.intake as unknown as { fields: Record<string, Record<string, string>>; enums: Record<string, Record<string, string>>; sections: Record<string, string> };
  it('labels every field and every enum value of the plain sections', () => {
    const missing: string[] = [];
    for (const [section, fields] of Object.entries(sectionFields)) {
      for (const f of fields) {
        if (!intake.fields[section]?.[f.key]) missing.push(`fields.${section}.${f.key}`);
        for (const o of f.options ?? []) if (!intake.enums[f.enumName ?? '']?.[o]) missing.push(`enums.${f.enumName}.${o}`);
      }
    }
    for (const o of deskInterventionTypes) if (!intake.enums.deskIntervention?.[o]) missing.push(`enums.deskIntervention.${o}`);
    for (const o of serviceRequestStatuses) if (!intake.enums.requestStatus?.[o]) missing.push(`enums.requestStatus.${o}`);
    for (const o of intakeStatuses) if (!intake.enums.status?.[o]) missing.push(`enums.status.${o}`);
    for (const s of [...formSections, 'custom', 'privacy', 'requests', 'diary']) if (!intake.sections[s]) missing.push(`sections.${s}`);
    expect(missing).toEqual([]);
  });
});
