import type { Role } from '@kaoping/contracts';

/** Who may call a route: anyone, only a bind token, or these roles. */
export type Allow = 'public' | 'bind' | readonly Role[];

/** `'GET /api/people/:id'` → who may call it, and a concrete path inside every allowed caller's scope. */
export type MatrixEntries = Record<string, { allow: Allow; path?: string }>;

export const STAFF = ['staff', 'chief', 'office', 'leader'] as const;
export const MANAGERS = ['chief', 'office', 'leader'] as const;
export const BUREAU = ['office', 'leader'] as const;
export const EVERYONE = [...STAFF, 'citizen', 'representative'] as const;
