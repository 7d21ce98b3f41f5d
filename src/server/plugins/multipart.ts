// Reading a multipart upload: the one file in field `file` (at most the app's upload limit, enforced
// by @fastify/multipart) and the text fields beside it. Callers name what is being uploaded so the
// messages say what the user was trying to send.
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../errors.ts';

export interface Upload {
  file: Buffer;
  fileName: string;
  /** Text fields sent with the file, by name. */
  fields: Record<string, string>;
}

export async function readUpload(
  req: FastifyRequest,
  o: { /** e.g. '照片', '附件', '.xlsx 文件' */ what: string; missing: string; defaultName: string },
): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_file', `请以 multipart/form-data 方式上传${o.what}（字段名 file）`);
  let file: Buffer | null = null;
  let fileName = o.defaultName;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      // Every file part is read to the end (an unread stream stalls the request); only `file` is kept.
      const buf = await part.toBuffer();
      if (part.fieldname === 'file') {
        file = buf;
        fileName = part.filename || fileName;
      }
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  if (!file) throw invalid(o.missing, [{ field: 'file', message: '缺少文件' }]);
  // The name and the text fields are stored as text, where PostgreSQL refuses a NUL character.
  for (const [field, text] of [['file', fileName], ...Object.entries(fields)] as const) {
    if (text.includes('\u0000')) {
      const message = field === 'file' ? '文件名不能包含空字符（\\u0000）' : '不能包含空字符（\\u0000）';
      throw invalid(`${field === 'file' ? '' : `${field} `}${message}`, [{ field, message }]);
    }
  }
  return { file, fileName, fields };
}
