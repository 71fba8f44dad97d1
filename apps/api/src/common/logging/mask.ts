import { maskMobile } from '@kaoping/contracts';

/**
 * Personal data never reaches the logs in clear: every log line passes through `maskLogLine` on its way out (pino's
 * `streamWrite` hook), whatever logged it — request URLs with a phone number in the query, driver errors quoting
 * values, a stray `logger.error(obj)`. Pure functions.
 */

/** Mainland mobile numbers (optionally +86, with spaces or hyphens) and landlines written with an area code. */
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|%2B)?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])/g;
const LANDLINE = /(?<![0-9A-Za-z])0\d{2,3}-\d{7,8}(?![0-9A-Za-z])/g;
/** WeChat openids and unionids: `o` and 27 base64url characters. */
const OPENID = /(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/g;
/** Bearer material that would let a log reader act as the user: JWTs and refresh tokens. */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const REFRESH = /\brt_[A-Za-z0-9_-]{43}\b/g;
/** JSON properties whose values are masked whatever they look like. */
const KEYED = /"(openid|unionid|session_key|sessionKey|phone|mobile|contactPhone|citizenPhone|password|secret|refreshToken|token)":"((?:[^"\\]|\\.)*)"/gi;

/** "138****1234" from whatever separators the number was written with. */
export function maskPhone(value: string): string {
  return maskMobile(value.replace(/\D/g, '').slice(-11));
}

export function maskOpenid(value: string): string {
  return value.length > 6 ? `${value.slice(0, 3)}***${value.slice(-2)}` : '***';
}

/** `text` with phone numbers, openids and tokens masked. */
export function maskSensitive(text: string): string {
  return text
    .replace(KEYED, (_m, key: string, value: string) => {
      const k = key.toLowerCase();
      const masked = k.includes('phone') || k === 'mobile' ? maskPhone(value) : k.includes('id') ? maskOpenid(value) : '***';
      return `"${key}":"${masked}"`;
    })
    .replace(JWT, 'eyJ***')
    .replace(REFRESH, 'rt_***')
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(LANDLINE, (m) => `${m.slice(0, m.indexOf('-') + 1)}****${m.slice(-2)}`)
    .replace(OPENID, (m) => maskOpenid(m));
}

/** The pino `streamWrite` hook: one serialised line in, the same line masked out. */
export const maskLogLine = (line: string): string => maskSensitive(line);
