/**
 * Every error a client can see has a stable code, an HTTP status and a message in Simplified
 * Chinese and English (application/problem+json, RFC 9457). Clients branch on `code`, never on text.
 */
import { HAZARD_ERROR_MESSAGES, type HazardErrorCode } from '@shoutu/domain';

export interface Localized {
  'zh-CN': string;
  en: string;
}

/** Refusals of the hazard state machine (packages/domain) keep the domain's stable codes and texts. */
const HAZARD_TRANSITION_ERRORS = Object.fromEntries(
  Object.entries(HAZARD_ERROR_MESSAGES).map(([code, text]) => [code, { status: 422, 'zh-CN': text['zh-CN'], en: text.en }]),
) as Record<HazardErrorCode, Localized & { status: 422 }>;

export const ERRORS = {
  validation_failed: { status: 400, 'zh-CN': '请求内容不符合要求', en: 'The request is not valid' },
  malformed_json: { status: 400, 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  invalid_credentials: { status: 401, 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  session_expired: { status: 401, 'zh-CN': '会话已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  totp_required: { status: 401, 'zh-CN': '请输入动态验证码', en: 'Enter the code from your authenticator app' },
  totp_invalid: { status: 401, 'zh-CN': '动态验证码错误或已使用', en: 'The code is wrong or was already used' },
  second_factor_required: { status: 403, 'zh-CN': '管理员账号须先绑定动态验证码（TOTP）', en: 'Admin accounts must set up an authenticator (TOTP) first' },
  password_change_required: { status: 403, 'zh-CN': '请先修改初始密码', en: 'Please change your initial password first' },
  forbidden: { status: 403, 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  device_token_invalid: { status: 401, 'zh-CN': '设备令牌无效或已吊销', en: 'The device token is invalid or has been revoked' },
  device_token_not_allowed: { status: 403, 'zh-CN': '设备令牌只能用于出行核验', en: 'A device token may only be used for travel checks' },
  device_checkpoint_mismatch: { status: 403, 'zh-CN': '设备令牌只能为其所属卡口核验', en: 'A device token may check only for its own checkpoint' },
  field_forbidden: { status: 403, 'zh-CN': '您的角色不能修改其中的字段', en: 'Your role may not change some of these fields' },
  not_found: { status: 404, 'zh-CN': '对象不存在或不在您的辖区内', en: 'Not found, or outside your ground' },
  method_not_allowed: { status: 405, 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  version_conflict: { status: 409, 'zh-CN': '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  conflict: { status: 409, 'zh-CN': '与现有数据冲突', en: 'Conflicts with existing data' },
  totp_already_enrolled: { status: 409, 'zh-CN': '已绑定动态验证码；如需更换，请安全管理员重置', en: 'An authenticator is already set up; ask the security admin to reset it' },
  totp_not_set_up: { status: 409, 'zh-CN': '请先生成动态验证码密钥', en: 'Start the authenticator setup first' },
  audit_chain_broken: { status: 409, 'zh-CN': '审计日志哈希链校验不通过，已拒绝清理以保留证据', en: 'The audit hash chain does not verify; nothing was purged, so the evidence stays' },
  idempotency_in_progress: { status: 409, 'zh-CN': '相同的请求正在处理中', en: 'The same request is still being processed' },
  person_exists: { status: 409, 'zh-CN': '该身份证号码的人员已登记', en: 'A person with this ID number is already registered' },
  person_not_managed: { status: 409, 'zh-CN': '该人员已解除管控', en: 'This person is no longer under management' },
  release_refused: { status: 422, 'zh-CN': '尚不满足解除管控的条件', en: 'The conditions for release are not met yet' },
  payload_too_large: { status: 413, 'zh-CN': '请求体过大', en: 'The request body is too large' },
  uri_too_long: { status: 414, 'zh-CN': '请求地址过长', en: 'The request URI is too long' },
  import_rejected: { status: 400, 'zh-CN': '导入文件有错误，未导入任何数据', en: 'The file has errors; nothing was imported' },
  malformed_csv: { status: 400, 'zh-CN': '文件不是有效的 UTF-8 CSV', en: 'The file is not valid UTF-8 CSV' },
  unsupported_media_type: { status: 415, 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  idempotency_key_reused: { status: 422, 'zh-CN': '幂等键已用于另一个请求', en: 'This Idempotency-Key was used for a different request' },
  supplementary_window_closed: { status: 422, 'zh-CN': '已超过伤亡人数补报期限（事故发生之日起 30 日，道路交通、火灾事故 7 日），不能再补报', en: 'The window for supplementary casualty reports has closed (30 days from the accident; 7 for road traffic and fire)' },
  account_locked: { status: 423, 'zh-CN': '登录失败次数过多，账号已临时锁定', en: 'Too many failed sign-ins; the account is locked for a while' },
  import_invalid_file: { status: 400, 'zh-CN': '文件不是有效的 Excel（.xlsx）工作簿', en: 'The file is not a valid Excel (.xlsx) workbook' },
  import_bad_template: { status: 400, 'zh-CN': '文件的列与导入模板不一致', en: 'The columns do not match the import template' },
  import_too_large: { status: 413, 'zh-CN': '文件解压后过大或行数超过单次导入上限', en: 'The file expands too far or has too many rows for one import' },
  import_has_errors: { status: 422, 'zh-CN': '导入文件有错误，未导入任何数据', en: 'The file has errors; nothing was imported' },
  ...HAZARD_TRANSITION_ERRORS,
  hazard_not_major: { status: 422, 'zh-CN': '只有重大事故隐患才挂牌督办', en: 'Only a major hazard is listed for supervision' },
  hazard_already_listed: { status: 409, 'zh-CN': '该隐患已挂牌督办', en: 'This hazard is already listed for supervision' },
  hazard_closed: { status: 409, 'zh-CN': '隐患已销号，不能再上传照片', en: 'The hazard is closed; no more photos can be added' },
  photo_required: { status: 400, 'zh-CN': '请以 multipart/form-data 的 file 字段上传一张照片', en: 'Send one photo as the file field of a multipart/form-data request' },
  photo_too_large: { status: 413, 'zh-CN': '照片超过大小上限', en: 'The photo is larger than the limit' },
  photo_type_not_allowed: { status: 415, 'zh-CN': '只能上传 JPEG、PNG 或 WebP 格式的照片', en: 'Only JPEG, PNG and WebP photos are accepted' },
  listing_requires_department: { status: 403, 'zh-CN': '挂牌督办须由监管部门作出', en: 'Only a supervising department may list a hazard' },
  inspection_item_not_failed: { status: 422, 'zh-CN': '只有不合格的检查项才能生成隐患', en: 'Only a failed checklist item becomes a hazard' },
  inspection_item_has_hazard: { status: 409, 'zh-CN': '该检查项已生成隐患', en: 'This item has already become a hazard' },
  session_not_started: { status: 422, 'zh-CN': '培训尚未开始，开始后才能记录学习时长', en: 'The session has not started; minutes can be recorded once it has' },
  export_own_request: { status: 403, 'zh-CN': '不能审批自己的导出申请，须由同一辖区的另一位领导审批', en: 'You cannot decide your own export request; another leader of the same ground must' },
  export_not_pending: { status: 409, 'zh-CN': '该导出申请已处理', en: 'This export request has already been decided' },
  export_not_approved: { status: 409, 'zh-CN': '导出申请尚未审批，批准后才能下载', en: 'The export request is not approved yet; download it once it is' },
  export_rejected: { status: 409, 'zh-CN': '导出申请已被驳回', en: 'The export request was rejected' },
  export_gone: { status: 410, 'zh-CN': '导出文件只能下载一次，且须在批准后的有效期内下载；请重新申请', en: 'An export is downloaded once, within its window after approval; request it again' },
  letter_already_signed: { status: 422, 'zh-CN': '责任书已签订，不能再改变状态；如需重签请另行下达', en: 'The letter is signed and stays so; issue a new one to change it' },
  duty_templates_city_only: { status: 403, 'zh-CN': '责任清单模板由市级（或以上）统一维护', en: 'Duty-list templates are kept by the city (or above)' },
  accountability_status_refused: { status: 422, 'zh-CN': '问责记录不能从当前状态变为该状态', en: 'The accountability record cannot move from its status to that one' },
  version_required: { status: 428, 'zh-CN': '更新必须携带读取时的版本号', en: 'An update must carry the version it read' },
  rate_limited: { status: 429, 'zh-CN': '请求过于频繁', en: 'Too many requests' },
  internal_error: { status: 500, 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  unavailable: { status: 503, 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
  database_busy: { status: 503, 'zh-CN': '系统繁忙，操作未完成，请稍后重试', en: 'The system is busy and the operation did not complete; try again in a moment' },
  storage_error: { status: 503, 'zh-CN': '服务器存储故障，操作未完成；请稍后重试，如仍失败请联系系统管理员', en: 'The server’s storage failed and the operation did not complete; try again later, and tell the system administrator if it keeps failing' },
  storage_full: { status: 507, 'zh-CN': '服务器存储空间已满，操作未完成，请联系系统管理员', en: 'The server has run out of storage space and the operation did not complete; tell the system administrator' },
} as const satisfies Record<string, Localized & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

/** Field-level problems, e.g. an invalid ID number in `idNumber`. */
export const FIELD_ERRORS = {
  required: { 'zh-CN': '必填', en: 'Required' },
  invalid: { 'zh-CN': '格式不正确', en: 'Invalid value' },
  wrong_type: { 'zh-CN': '类型不正确', en: 'Wrong type' },
  unknown_field: { 'zh-CN': '不允许的字段', en: 'Field not allowed' },
  field_forbidden: { 'zh-CN': '您的角色不能修改此字段', en: 'Your role may not change this field' },
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
  totp_invalid: { 'zh-CN': '动态验证码错误', en: 'The code is wrong' },
  admin_roles_combined: { 'zh-CN': '系统管理员、安全管理员、审计管理员不能由同一账号兼任', en: 'System, security and audit admin roles cannot be combined' },
  outside_ground: { 'zh-CN': '超出您的辖区', en: 'Outside your ground' },
  credit_code_registered: { 'zh-CN': '该统一社会信用代码的企业已登记', en: 'An enterprise with this credit code is already registered' },
  credit_code_twice_in_file: { 'zh-CN': '与文件中前面的行统一社会信用代码重复', en: 'Same credit code as an earlier row of the file' },
  unknown_industry: { 'zh-CN': '行业代码不在 GB/T 4754 代码表中', en: 'Not an industry code of the GB/T 4754 table' },
  not_community: { 'zh-CN': '须为 12 位村（社区）代码', en: 'Must be a 12-digit community or village code' },
  not_a_supervisor: { 'zh-CN': '不是辖区覆盖该企业所在地的监管部门', en: 'Not a department whose region covers the enterprise' },
  unknown_region: { 'zh-CN': '行政区划代码不存在', en: 'No such region code' },
  person_exists: { 'zh-CN': '该身份证号码的人员已登记', en: 'A person with this ID number is already registered' },
  duplicate_in_file: { 'zh-CN': '与文件中前面的行身份证号码重复', en: 'Same ID number as an earlier row of the file' },
  unknown_column: { 'zh-CN': '无法识别的列', en: 'Unknown column' },
  missing_column: { 'zh-CN': '缺少必需的列', en: 'A required column is missing' },
  too_many_rows: { 'zh-CN': '行数超过单次导入上限', en: 'Too many rows for one import' },
  too_many_export_rows: { 'zh-CN': '行数超过该格式单次导出上限，请缩小筛选范围或改用 CSV / Excel', en: 'Too many rows for one export in this format; narrow the filter or use CSV / Excel' },
  same_person: { 'zh-CN': '密切接触者不能是病例本人', en: 'A contact cannot be the case themselves' },
  not_in_edition: { 'zh-CN': '所适用的防控方案版本不划定该风险等级', en: 'The policy edition in force does not designate this level' },
  no_edition_in_force: { 'zh-CN': '该日期没有适用的防控方案版本', en: 'No policy edition is in force on that day' },
  in_future: { 'zh-CN': '不能晚于当前时间', en: 'Cannot be in the future' },
  before_occurrence: { 'zh-CN': '不能早于事故发生时间', en: 'Cannot be before the accident occurred' },
  not_in_reporting_chain: { 'zh-CN': '该等级事故无须报至此级', en: 'An accident of this grade is not reported to this level' },
  not_city_or_county: { 'zh-CN': '须为市级或县（区）级行政区划', en: 'Must be a city or county-level region' },
  no_change: { 'zh-CN': '与当前数字相同，无须补报', en: 'Same as the current figures; nothing to report' },
  unknown_accident_type: { 'zh-CN': '不是 GB 6441 事故类别', en: 'Not a GB 6441 accident type' },
  unknown_checklist_item: { 'zh-CN': '检查表中没有该项', en: 'The checklist has no such item' },
  duplicate_item: { 'zh-CN': '同一检查项重复填写', en: 'The same item appears twice' },
  checklist_incomplete: { 'zh-CN': '检查表每一项都须填写结果（不适用的填“不适用”）', en: 'Every checklist item needs a result (na where it does not apply)' },
  thresholds_not_positive: { 'zh-CN': '分级阈值须为正数', en: 'Thresholds must be positive' },
  thresholds_not_descending: { 'zh-CN': '分级阈值须红 > 橙 > 黄', en: 'Thresholds must descend: red > orange > yellow' },
  not_city_or_province: { 'zh-CN': '风险分级阈值只能按省或市设定', en: 'Risk bands are set for a province or a city' },
  no_attendees: { 'zh-CN': '所选单位和人员中没有可参训的账号', en: 'The units and accounts chosen hold no account to attend' },
  not_after_issue: { 'zh-CN': '须晚于发证日期', en: 'Must be after the issue date' },
  not_before_expiry: { 'zh-CN': '须早于有效期截止日期', en: 'Must be before the expiry date' },
  certificate_registered: { 'zh-CN': '该人员在本单位已登记同类证书', en: 'This person already holds a certificate of this kind here' },
  settings_not_city_or_province: { 'zh-CN': '隐患治理时限只能按省或市设定', en: 'Hazard time limits are set for a province or a city' },
  unknown_photo: { 'zh-CN': '不是该隐患已上传的照片', en: 'Not a photo uploaded to this hazard' },
  scope_empty: { 'zh-CN': '整治范围须至少选择行业、地区或企业之一', en: 'Choose at least one industry, region or enterprise for the scope' },
  outside_campaign_region: { 'zh-CN': '不在专项整治的组织地区内', en: 'Outside the region that organises the campaign' },
  invalid_date: { 'zh-CN': '须为存在的日期（YYYY-MM-DD）', en: 'Must be a real date (YYYY-MM-DD)' },
  ends_before_start: { 'zh-CN': '结束日期不能早于开始日期', en: 'Cannot end before it starts' },
  campaign_template_mismatch: { 'zh-CN': '专项整治的检查须使用其指定的检查表', en: 'A campaign inspection uses the campaign’s checklist' },
  not_in_campaign_scope: { 'zh-CN': '该企业不在专项整治范围内', en: 'The enterprise is not in the campaign’s scope' },
  outside_campaign_period: { 'zh-CN': '检查时间不在专项整治期间内', en: 'Not within the campaign’s period' },
  not_for_measure: { 'zh-CN': '此类措施不填写该项', en: 'This kind of measure does not take this field' },
  status_backwards: { 'zh-CN': '案件状态不能回退', en: 'A case cannot move back to an earlier status' },
  not_of_enterprise: { 'zh-CN': '不属于该企业', en: 'Does not belong to this enterprise' },
  unknown_template: { 'zh-CN': '责任清单模板不存在', en: 'No such duty-list template' },
  duplicate_duty: { 'zh-CN': '同一职责重复', en: 'The same duty appears twice' },
  not_a_department: { 'zh-CN': '不是部门', en: 'Not a department' },
  same_status: { 'zh-CN': '已是该状态', en: 'Already in that status' },
  outside_letter_year: { 'zh-CN': '签订日期须在责任书年度内（可早至上年10月1日、晚至次年3月31日）', en: "The signing day must fall in the letter's year (from 1 October before to 31 March after)" },
  not_for_subject: { 'zh-CN': '该问责方式不适用于此类问责对象', en: 'This measure does not apply to this kind of subject' },
  not_allowed: { 'zh-CN': '当前状态下不填写该项', en: 'Not filled in for this status' },
  unknown_trigger: { 'zh-CN': '问责事由所指对象不存在或不在您的辖区内', en: 'What triggered it does not exist or is outside your ground' },
  not_a_candidate: { 'zh-CN': '该事项目前不构成问责线索', en: 'This item is not an accountability candidate now' },
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
