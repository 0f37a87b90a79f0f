// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { Tabs } from './Tabs';

afterEach(cleanup);

describe('Tabs', () => {
  it('is a labelled tab list moved with the arrow keys', () => {
    const onSelect = vi.fn();
    const tabs = [
      { key: 'log', label: 'Registro' },
      { key: 'breakGlass', label: "Accessi d'emergenza" },
      { key: 'integrity', label: 'Integrità' },
    ];
    renderWithProviders(<Tabs id="audit" tabs={tabs} active="log" onSelect={onSelect} label="Sezioni" />);
    expect(screen.getByRole('tablist', { name: 'Sezioni' })).toBeTruthy();
    const first = screen.getByRole('tab', { name: 'Registro' });
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Integrità' }).getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenLastCalledWith('breakGlass');
    fireEvent.keyDown(first, { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith('integrity');
  });
});
