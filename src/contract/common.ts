// Building blocks shared by every request and response schema.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { parseMoney } from '../domain/money.ts';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(
        z.object({
          field: z.string(),
          message: z.string(),
          row: z.number().int().optional(),
          column: z.string().optional(),
        }),
      ),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;

/** Money in 万元: a decimal string in responses; numbers and strings accepted on input. */
export const moneyOut = z.string().meta({ description: '金额（万元），十进制字符串', example: '12500.5' });
export const moneyIn = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const r = parseMoney(v);
    if (!r.ok) {
      ctx.addIssue({
        code: 'custom',
        message: r.error === 'negative' ? '金额不能为负数' : r.error === 'too_large' ? '金额超出允许范围' : '金额格式不正确，应为以万元计的数字',
      });
      return z.NEVER;
    }
    return r.value;
  })
  .meta({ description: '金额（万元），数字或十进制字符串' });

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD' })
  .meta({ description: '日期 YYYY-MM-DD', example: '2024-09-01' });

export const uuidParam = z.object({ id: z.uuid({ message: 'ID 格式不正确' }) });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

export const okBody = z.object({ ok: z.literal(true) });

/** A calendar month as YYYY-MM (a bulletin's or a card run's month). */
export const monthText = z
  .string({ message: '统计月份应为 YYYY-MM' })
  .trim()
  .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, '统计月份应为 YYYY-MM，如 2024-11');
