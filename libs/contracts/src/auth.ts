/** Roles: bureau staff roles (with a data scope) and external personas. */
export const STAFF_ROLES = ['staff', 'chief', 'office', 'leader'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const EXTERNAL_ROLES = ['citizen', 'representative'] as const;
export type ExternalRole = (typeof EXTERNAL_ROLES)[number];

export const ROLES = [...STAFF_ROLES, ...EXTERNAL_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: '干部职工',
  chief: '处室负责人',
  office: '考评办（监察室）',
  leader: '局领导',
  citizen: '市民',
  representative: '两代表一委员',
};

/** What `POST /api/auth/*` returns. */
export interface LoginResult {
  /** `access`: a full session; `bind`: an unbound WeChat user who may only call `POST /api/auth/bind`. */
  kind: 'access' | 'bind';
  token: string;
  /** Lifetime of `token`, seconds. */
  expiresIn: number;
  /** `access` sessions of people and citizens: exchanged at `POST /api/auth/refresh` for a new pair (single use). */
  refreshToken?: string;
  refreshExpiresIn?: number;
  me?: Me;
}

/** `POST /api/auth/refresh` and `POST /api/auth/logout`. */
export interface RefreshRequest {
  refreshToken: string;
}

/** `GET /api/me`. */
export interface Me {
  kind: 'person' | 'citizen' | 'representative';
  id: string;
  name: string;
  role: Role;
  position: import('./org').Position | null;
  sectionId: string | null;
  sectionName: string | null;
  branchSecretary: boolean;
}

/** `GET /api/auth/dev/personas` (only when demo login is on). */
export interface Persona {
  personId: string;
  name: string;
  role: Role;
  position: import('./org').Position | null;
  sectionName: string | null;
  /** Short description shown on the persona picker, e.g. "执法一处 处长". */
  title: string;
  featured: boolean;
}
