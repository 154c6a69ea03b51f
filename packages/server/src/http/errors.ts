/**
 * Every error a client can see has a stable code, an HTTP status and a message in Simplified
 * Chinese and English (application/problem+json, RFC 9457). Clients branch on `code`, never on text.
 */
export interface Localized {
  'zh-CN': string;
  en: string;
}

export const ERRORS = {
  validation_failed: { status: 400, 'zh-CN': '请求内容不符合要求', en: 'The request is not valid' },
  malformed_json: { status: 400, 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  invalid_credentials: { status: 401, 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  session_expired: { status: 401, 'zh-CN': '会话已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  password_change_required: { status: 403, 'zh-CN': '请先修改初始密码', en: 'Please change your initial password first' },
  forbidden: { status: 403, 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  not_found: { status: 404, 'zh-CN': '对象不存在或不在您的辖区内', en: 'Not found, or outside your ground' },
  method_not_allowed: { status: 405, 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  version_conflict: { status: 409, 'zh-CN': '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  conflict: { status: 409, 'zh-CN': '与现有数据冲突', en: 'Conflicts with existing data' },
  idempotency_in_progress: { status: 409, 'zh-CN': '相同的请求正在处理中', en: 'The same request is still being processed' },
  payload_too_large: { status: 413, 'zh-CN': '请求体过大', en: 'The request body is too large' },
  unsupported_media_type: { status: 415, 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  idempotency_key_reused: { status: 422, 'zh-CN': '幂等键已用于另一个请求', en: 'This Idempotency-Key was used for a different request' },
  account_locked: { status: 423, 'zh-CN': '登录失败次数过多，账号已临时锁定', en: 'Too many failed sign-ins; the account is locked for a while' },
  version_required: { status: 428, 'zh-CN': '更新必须携带读取时的版本号', en: 'An update must carry the version it read' },
  rate_limited: { status: 429, 'zh-CN': '请求过于频繁', en: 'Too many requests' },
  internal_error: { status: 500, 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  unavailable: { status: 503, 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, Localized & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

/** Field-level problems, e.g. an invalid ID number in `idNumber`. */
export const FIELD_ERRORS = {
  required: { 'zh-CN': '必填', en: 'Required' },
  invalid: { 'zh-CN': '格式不正确', en: 'Invalid value' },
  wrong_type: { 'zh-CN': '类型不正确', en: 'Wrong type' },
  unknown_field: { 'zh-CN': '不允许的字段', en: 'Field not allowed' },
  too_long: { 'zh-CN': '内容过长', en: 'Too long' },
  too_short: { 'zh-CN': '内容过短', en: 'Too short' },
  out_of_range: { 'zh-CN': '超出允许范围', en: 'Out of range' },
  taken: { 'zh-CN': '已被使用', en: 'Already taken' },
  password_too_short: { 'zh-CN': '密码至少 8 位', en: 'At least 8 characters' },
  password_too_few_classes: { 'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少三类', en: 'Use at least three of: upper case, lower case, digits, symbols' },
  password_common: { 'zh-CN': '密码过于常见', en: 'This password is too common' },
  password_contains_username: { 'zh-CN': '密码不能包含用户名', en: 'The password must not contain the username' },
  password_reused: { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  wrong_password: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  admin_roles_combined: { 'zh-CN': '系统管理员、安全管理员、审计管理员不能由同一账号兼任', en: 'System, security and audit admin roles cannot be combined' },
  outside_ground: { 'zh-CN': '超出您的辖区', en: 'Outside your ground' },
  unknown_region: { 'zh-CN': '行政区划代码不存在', en: 'No such region code' },
} as const satisfies Record<string, Localized>;

export type FieldErrorCode = keyof typeof FIELD_ERRORS;

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: Localized;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(ERRORS[code].en);
    this.status = ERRORS[code].status;
  }
}

export function fieldError(field: string, code: FieldErrorCode): FieldError {
  return { field, code, message: { 'zh-CN': FIELD_ERRORS[code]['zh-CN'], en: FIELD_ERRORS[code].en } };
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const invalid = (...errors: FieldError[]) => new AppError('validation_failed', errors);
