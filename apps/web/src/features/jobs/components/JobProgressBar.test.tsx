// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { JobProgressBar } from './JobProgressBar';

afterEach(cleanup);

describe('JobProgressBar', () => {
  it('shows a determinate bar with counts, percentage and the job message', () => {
    renderWithProviders(
      <JobProgressBar progress={{ done: 4, total: 10, message: 'Caricamento comuni' }} label="Avanzamento di Import" />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Avanzamento di Import' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('4 di 10 (40%) — Caricamento comuni');
    expect(bar.style.width).toBe('40%');
    expect(screen.getByText('4 di 10 (40%)')).toBeTruthy();
    expect(screen.getByText('Caricamento comuni')).toBeTruthy();
  });

  it('is indeterminate when the total is unknown', () => {
    const { container } = renderWithProviders(
      <JobProgressBar progress={{ done: 7, total: null, message: null }} label="Avanzamento" />,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('aria-valuetext')).toBe('7 elaborati');
    expect(container.querySelector('.progress-indeterminate')).not.toBeNull();
  });

  it('never goes past 100%', () => {
    renderWithProviders(<JobProgressBar progress={{ done: 12, total: 10, message: null }} label="Avanzamento" />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  });
});
