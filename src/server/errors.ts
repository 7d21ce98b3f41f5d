// The one error type of the server. Every failure a user can meet is an AppError with a code, an
// HTTP status and a message in the user's language; `details` names the fields or rows at fault.

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'csrf_failed'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_file'
  | 'bad_file'
  | 'unavailable'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field ("plannedStart", "monthly.3") or a spreadsheet position ("row 12 / 总投资(万元)"). */
  field: string;
  message: string;
  row?: number;
  column?: string;
}

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  csrf_failed: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_file: 415,
  bad_file: 400,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what}不存在或无权查看`);
export const forbidden = (message = '无权执行此操作') => new AppError('forbidden', message);
export const invalid = (message: string, details: FieldIssue[] = []) => new AppError('validation_failed', message, details);
export const conflict = (message: string, details: FieldIssue[] = []) => new AppError('conflict', message, details);
