/**
 * Typed errors of the scoring library. Both carry a stable `code` (for the API's error mapper) and, where one exists,
 * the JSON path of the offending field (`$.events[3].rule`).
 */

/** An invalid scheme: the message names the JSON path of the bad field. */
export class SchemeError extends Error {
  readonly code = 'invalid-scheme';
  readonly path: string;

  constructor(path: string, message: string) {
    super(`invalid scheme at ${path}: ${message}`);
    this.name = 'SchemeError';
    this.path = path;
  }
}

/** Invalid scoring input: unknown rule id, person in no section, quota breach, bad date … */
export class ScoringInputError extends Error {
  readonly code: string;
  readonly path?: string;

  constructor(code: string, message: string, path?: string) {
    super(path ? `${message} (at ${path})` : message);
    this.name = 'ScoringInputError';
    this.code = code;
    this.path = path;
  }
}
