import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** Chinese text for class-validator constraint names; the field path is put in front. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: '是不允许的字段',
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isArray: '必须是数组',
  min: '数值过小',
  max: '数值过大',
  minLength: '长度过短',
  maxLength: '长度过长',
  isLength: '长度不符合要求',
  isIso8601: '必须是有效时间（ISO 8601）',
  arrayUnique: '不能有重复项',
  matches: '格式不正确',
  isDateOnly: '必须是有效日期（YYYY-MM-DD）',
  isObject: '必须是对象',
  nestedValidation: '格式不正确',
  isLatitude: '必须是有效纬度',
  isLongitude: '必须是有效经度',
  isUUID: '必须是有效编号',
  isMobilePhone: '必须是有效手机号',
  arrayMaxSize: '条目过多',
  arrayMinSize: '条目过少',
};

interface FlatError {
  field: string;
  message: string;
}

export function flatten(errors: ValidationError[], prefix = ''): FlatError[] {
  const out: FlatError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const name of Object.keys(e.constraints ?? {})) {
      // a constraint without Chinese text still gets a Chinese message (class-validator's own text is English)
      const text = MESSAGES[name] ?? '不符合要求';
      out.push({ field, message: `${field} ${text}` });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Whitelisting, unknown fields refused, 400 naming the (first) bad field, in Chinese. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const flat = flatten(errors);
      const first = flat[0] ?? { field: 'body', message: '请求无效' };
      return new DomainError('VALIDATION_FAILED', first.message, first.field, flat);
    },
  });
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => isDateOnly(value) },
    });
}
