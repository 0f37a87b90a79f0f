import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy (OWASP ASVS 2.1)', () => {
  it('accepts 12+ characters with 3 classes, or a 16+ character passphrase', () => {
    expect(passwordProblems('Tramonto-sul-7', 'assistente')).toEqual([]);
    expect(passwordProblems('cavallo batteria graffetta', 'assistente')).toEqual([]);
  });

  it('refuses short passwords', () => {
    expect(passwordProblems('Ab1!xyz', 'anna')).toContain('password_troppo_corta');
  });

  it('refuses passwords containing the username, in any case', () => {
    expect(passwordProblems('Assistente-2026!', 'assistente')).toContain('password_contiene_username');
  });

  it('refuses very common passwords', () => {
    expect(passwordProblems('Password1234', 'anna')).toContain('password_comune');
    expect(passwordProblems('demo-siso-2026', 'anna')).toContain('password_comune');
  });

  it('asks for variety below 16 characters', () => {
    expect(passwordProblems('abcdefghijkl', 'anna')).toContain('password_poco_varia');
    expect(passwordProblems('abcdefghijklmnop', 'anna')).not.toContain('password_poco_varia');
  });
});
