import type { LocalizedText } from '../../i18n/localized';

/** A field-level error inside a problem body; `field` names the request-body property. */
export interface FieldProblem {
  field: string;
  code: string;
  message: LocalizedText;
}

/** The server's `application/problem+json` error body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  message: LocalizedText;
  errors?: FieldProblem[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isProblem(value: unknown): value is Problem {
  return isObject(value) && typeof value.code === 'string' && isObject(value.message);
}

/** An HTTP failure; `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem ? `${status} ${problem.code}` : `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
