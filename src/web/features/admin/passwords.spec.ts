import { describe, expect, it } from 'vitest';
import { changePasswordBody } from '../../../contract/auth.ts';
import { generatePassword } from './passwords.ts';

describe('generatePassword', () => {
  it('always satisfies the server password rule and avoids look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(12);
      expect(changePasswordBody.shape.newPassword.safeParse(p).success).toBe(true);
      expect(p).not.toMatch(/[0O1lI]/);
    }
  });
});
