import { DEFAULT_MESSAGES, type ErrorCode } from '../../types';

/**
 * The one error type of the functions. Its message is for people (Chinese) and is sent as it is; anything
 * else thrown becomes `INTERNAL` with a generic message, so no stack trace or SQL ever reaches a caller.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    /** The input field the error is about, when there is one. */
    readonly field?: string,
    /** Every field found wrong at once (field → message), when a whole form was checked. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
