// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ProfileView } from '@siso/shared';
import { renderWithProviders } from '../../../test/render';
import { ProfileEditor } from './ProfileEditor';

afterEach(cleanup);

const template: ProfileView = {
  id: '00000000-0000-4000-8000-000000000001', ambitoId: null, code: 'operatore_sportello', name: 'Operatore di sportello',
  permissions: ['alerts.find', 'organisation.tree'], scope: 'office', readableClasses: ['public', 'personal'], writableClasses: [],
  requiresTotp: false, archived: false, version: 0, abilities: [],
};
const grantable = [
  { action: 'alerts.find', module: 'alerts', summary: 'Avvisi' },
  { action: 'organisation.tree', module: 'organisation', summary: 'Albero' },
  { action: 'operators.find', module: 'operators', summary: 'Operatori' },
];

describe('ProfileEditor', () => {
  it('groups the grantable permissions by module, pre-checks the template, offers scopes up to the admin’s own, and is axe-clean', async () => {
    const { container } = renderWithProviders(<ProfileEditor template={template} grantable={grantable} maxScope="ambito" onClose={() => undefined} />);
    expect(screen.getByRole('group', { name: 'operators' })).toBeTruthy();
    expect((screen.getByLabelText(/organisation\.tree/) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/operators\.find/) as HTMLInputElement).checked).toBe(false);
    const scopes = [...(screen.getByLabelText('Ambito dei dati') as HTMLSelectElement).options].map((o) => o.value);
    expect(scopes).toEqual(['own', 'office', 'ente', 'ambito']);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
