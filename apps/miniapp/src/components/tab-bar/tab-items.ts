import type { Role } from '@kaoping/contracts';
import { ROUTES } from '../../services/routes';

export type TabKey = 'home' | 'admin' | 'mine';

export interface TabItem {
  key: TabKey;
  text: string;
  url: string;
}

const HOME: TabItem = { key: 'home', text: '首页', url: ROUTES.home };
const ADMIN: TabItem = { key: 'admin', text: '管理', url: ROUTES.adminPeople };
const MINE: TabItem = { key: 'mine', text: '我的', url: ROUTES.mine };

/**
 * The bottom navigation for a role. Taro's static tabBar cannot vary by role, so the app draws its own:
 * everyone gets 首页 / 我的; the 考评办 (office) also gets 管理 (the admin subpackage).
 */
export function tabItemsFor(role: Role | null | undefined): TabItem[] {
  if (role === 'office') return [HOME, ADMIN, MINE];
  return [HOME, MINE];
}
