// The password rule of src/contract/auth.ts, as form rules, and a generator that satisfies it.
import type { Rule } from 'antd/es/form';

export function passwordRules(msg: { required: string; short: string; lettersDigits: string }): Rule[] {
  return [
    { required: true, message: msg.required },
    { min: 10, message: msg.short },
    { validator: async (_, v: string | undefined) => {
      if (v && !(/[A-Za-z]/.test(v) && /\d/.test(v))) throw new Error(msg.lettersDigits);
    } },
  ];
}

// No 0/O, 1/l/I: the password is read out or copied by hand to its owner.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function generatePassword(length = 12): string {
  const all = LETTERS + DIGITS;
  const pick = (set: string) => set[crypto.getRandomValues(new Uint32Array(1))[0]! % set.length]!;
  for (;;) {
    const p = Array.from({ length }, () => pick(all)).join('');
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p;
  }
}
