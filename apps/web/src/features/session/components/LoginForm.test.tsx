// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { ApiError } from '../../../lib/api';
import { renderWithProviders } from '../../../test/render';
import { LoginForm } from './LoginForm';

afterEach(cleanup);

function describedBy(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby') ?? '';
  return ids
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('LoginForm', () => {
  it('labels both fields, marks them required and sends nothing while they are empty', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<LoginForm onSubmit={onSubmit} />);
    const username = screen.getByLabelText(/Nome utente/);
    const password = screen.getByLabelText(/Password/);
    expect(username.getAttribute('aria-required')).toBe('true');
    expect(password.getAttribute('aria-required')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));

    expect(onSubmit).not.toHaveBeenCalled();
    for (const input of [username, password]) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(describedBy(input)).toContain('Campo obbligatorio.');
    }
    expect(document.activeElement).toBe(username);
  });

  it('clears a field error when the field is corrected and submits valid values', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<LoginForm onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));
    const username = screen.getByLabelText(/Nome utente/);
    fireEvent.change(username, { target: { value: 'assistente' } });
    expect(username.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'demo-siso-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(onSubmit).toHaveBeenCalledWith({ username: 'assistente', password: 'demo-siso-2026' });
  });

  it('shows the server field errors of invalid_input beside the fields', () => {
    const error = new ApiError(400, 'invalid_input', 'Dati non validi: controllare i campi indicati.', [
      { path: 'password', message: 'Valore troppo lungo o troppo grande.' },
    ]);
    renderWithProviders(<LoginForm onSubmit={vi.fn()} error={error} />);
    const password = screen.getByLabelText(/Password/);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(password)).toContain('Valore troppo lungo o troppo grande.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces other failures, such as wrong credentials, in an alert', () => {
    const error = new ApiError(401, 'unauthenticated', 'Nome utente o password non validi.');
    renderWithProviders(<LoginForm onSubmit={vi.fn()} error={error} />);
    expect(screen.getByRole('alert').textContent).toContain('Nome utente o password non validi.');
  });
});
