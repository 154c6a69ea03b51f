import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, fieldError, type ErrorCode, type FieldError, type FieldErrorCode } from './errors.js';
import { databaseFault, type DatabaseFault } from '../db/errors.js';
import { GroundViolation } from '../db/ground-scope.js';

export function problemBody(code: ErrorCode, instance: string, errors: FieldError[] = []) {
  const entry = ERRORS[code];
  return {
    type: `https://shoutu.invalid/problems/${code}`,
    title: entry.en,
    status: entry.status,
    code,
    message: { 'zh-CN': entry['zh-CN'], en: entry.en },
    instance,
    ...(errors.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, errors: FieldError[] = []) {
  return reply
    .status(ERRORS[code].status)
    .type('application/problem+json')
    .send(problemBody(code, request.url.split('?')[0] ?? '', errors));
}

/**
 * What a client is told when the database itself failed (decision 0019): a busy database that
 * stayed busy through the retries (db/retry.ts) is worth retrying soon; a full disk or an I/O
 * error is the operators' to fix. The failed transaction wrote nothing, and the process stays up.
 */
export const DATABASE_FAULT_PROBLEMS: Record<DatabaseFault, { code: ErrorCode; headers: Record<string, string> }> = {
  busy: { code: 'database_busy', headers: { 'retry-after': '1' } },
  full: { code: 'storage_full', headers: {} },
  io: { code: 'storage_error', headers: {} },
};

/** Answers a database fault as problem+json, logged (busy as a warning, storage failures as errors) without the request body. */
export function sendDatabaseFault(reply: FastifyReply, request: FastifyRequest, fault: DatabaseFault, error: unknown) {
  const { code, headers } = DATABASE_FAULT_PROBLEMS[fault];
  const detail = { err: { message: (error as Error).message, code: (error as { code?: unknown }).code }, fault };
  if (fault === 'busy') request.log.warn(detail, 'database busy after retries');
  else request.log.error(detail, 'database storage failure');
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return sendProblem(reply, request, code);
}

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const KEYWORD_CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  additionalProperties: 'unknown_field',
  type: 'wrong_type',
  maxLength: 'too_long',
  minLength: 'too_short',
  maxItems: 'too_long',
  minItems: 'too_short',
  minimum: 'out_of_range',
  maximum: 'out_of_range',
};

/** Turns schema validation issues into field errors named by JSON path (`regionCodes.0`). */
function fieldErrorsFrom(issues: AjvIssue[], part: string | undefined): FieldError[] {
  const errors = issues.map((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const extra =
      issue.keyword === 'required' ? String(issue.params.missingProperty ?? '')
      : issue.keyword === 'additionalProperties' ? String(issue.params.additionalProperty ?? '')
      : '';
    const field = [base, extra].filter(Boolean).join('.') || part || 'body';
    return fieldError(field, KEYWORD_CODES[issue.keyword] ?? 'invalid');
  });
  // A value that fails every branch of a union yields one issue per branch; the client needs one.
  return errors.filter((e, i) => errors.findIndex((o) => o.field === e.field && o.code === e.code) === i);
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | GroundViolation, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return sendProblem(reply, request, error.code, error.errors);
    }
    if (error instanceof GroundViolation) return sendProblem(reply, request, 'validation_failed', [fieldError('regionCode', 'outside_ground')]);
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      return sendProblem(reply, request, 'validation_failed', fieldErrorsFrom(fastifyError.validation as AjvIssue[], fastifyError.validationContext));
    }
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, request, 'malformed_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, request, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, request, fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'validation_failed');
    }
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return sendProblem(reply, request, fastifyError.statusCode === 405 ? 'method_not_allowed' : 'validation_failed');
    }
    const fault = databaseFault(error);
    if (fault) return sendDatabaseFault(reply, request, fault, error);
    // Log the failure without the request body: bodies may hold personal data (SECURITY.md row 17).
    request.log.error({ err: { message: error.message, code: fastifyError.code, stack: error.stack } }, 'request failed');
    return sendProblem(reply, request, 'internal_error');
  });
}
