// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { WorkContext } from '@siso/shared';
import { renderWithProviders } from '../../../test/render';
import { ContextChooser } from './ContextChooser';

afterEach(cleanup);

const base = {
  regioneId: '00000000-0000-4000-8000-000000000001',
  ambitoId: '00000000-0000-4000-8000-000000000002',
  ambitoName: 'Ambito 1 — Perugia',
};
const contexts: WorkContext[] = [
  {
    ...base,
    assignmentId: '00000000-0000-4000-8000-0000000000a1',
    enteId: '00000000-0000-4000-8000-0000000000e1',
    enteName: 'Comune di Perugia',
    officeId: '00000000-0000-4000-8000-0000000000f1',
    officeName: 'Servizio sociale Perugia centro',
    officeType: 'servizio_sociale_professionale',
    professionalType: 'assistente_sociale',
  },
  {
    ...base,
    assignmentId: '00000000-0000-4000-8000-0000000000a2',
    enteId: '00000000-0000-4000-8000-0000000000e2',
    enteName: 'Comune di Corciano',
    officeId: '00000000-0000-4000-8000-0000000000f2',
    officeName: 'Sportello stranieri',
    officeType: 'sportello_stranieri',
    professionalType: 'operatore_sportello',
  },
];

describe('ContextChooser', () => {
  it('lists each assignment with ente, office, office type and ambito', () => {
    renderWithProviders(<ContextChooser contexts={contexts} onSelect={vi.fn()} />);
    const group = screen.getByRole('group', { name: /Assegnazioni disponibili/ });
    expect(group).toBeTruthy();
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(2);
    const second = screen.getByLabelText(/Comune di Corciano/);
    expect(second.closest('li')?.textContent).toContain('Sportello stranieri');
    expect(second.closest('li')?.textContent).toContain('Operatore di sportello');
    expect(second.closest('li')?.textContent).toContain('ambito Ambito 1 — Perugia');
  });

  it('asks for a choice before continuing', () => {
    const onSelect = vi.fn();
    renderWithProviders(<ContextChooser contexts={contexts} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
    expect(onSelect).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Scegliere un ente e un ufficio.');
    expect(screen.getByRole('group').getAttribute('aria-invalid')).toBe('true');
  });

  it('selects the chosen ente and office', () => {
    const onSelect = vi.fn();
    renderWithProviders(<ContextChooser contexts={contexts} onSelect={onSelect} />);
    fireEvent.click(screen.getByLabelText(/Comune di Corciano/));
    fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
    expect(onSelect).toHaveBeenCalledWith(contexts[1]);
  });

  it('starts from the current context when switching, and can be cancelled', () => {
    const onCancel = vi.fn();
    renderWithProviders(
      <ContextChooser contexts={contexts} current={contexts[0]} onSelect={vi.fn()} onCancel={onCancel} />,
    );
    expect((screen.getByLabelText(/Comune di Perugia/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('explains when the operator has no assignment', () => {
    renderWithProviders(<ContextChooser contexts={[]} onSelect={vi.fn()} />);
    expect(screen.getByText('Nessuna assegnazione attiva')).toBeTruthy();
  });
});
