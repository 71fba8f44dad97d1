/** Page paths, in one place (absolute, as Taro navigation APIs want them). */
export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  mine: '/pages/mine/index',
  officerSection: '/subpackages/officer/pages/section/index',
  officerRules: '/subpackages/officer/pages/rules/index',
  adminPeople: '/subpackages/admin/pages/people/index',
  citizenHome: '/subpackages/citizen/pages/home/index',
  representativeHome: '/subpackages/representative/pages/home/index',
} as const;

export type RoutePath = (typeof ROUTES)[keyof typeof ROUTES];
