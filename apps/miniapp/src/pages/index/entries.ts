import type { Me } from '@kaoping/contracts';
import type { Entry } from '../../components/entry-list';
import { ROUTES } from '../../services/routes';

/** The home page entries for a persona. */
export function entriesFor(me: Me): Entry[] {
  switch (me.role) {
    case 'citizen':
      return [
        { key: 'citizen', title: '市民服务', description: '满意度评价、效能投诉等服务说明', url: ROUTES.citizenHome },
      ];
    case 'representative':
      return [
        { key: 'representative', title: '代表委员测评', description: '两代表一委员测评说明', url: ROUTES.representativeHome },
      ];
    default: {
      const entries: Entry[] = [
        me.sectionId
          ? {
              key: 'section',
              title: '我的处室',
              description: `${me.sectionName ?? '本处室'}的人员与任职`,
              url: ROUTES.officerSection,
            }
          : { key: 'section', title: '处室人员', description: '按处室查看人员与任职', url: ROUTES.officerSection },
        { key: 'rules', title: '考评细则', description: '机关考评（德、能、勤、绩、廉）规则与扣分预览', url: ROUTES.officerRules },
      ];
      if (me.role === 'office') {
        entries.push({ key: 'people', title: '人员与邀请码', description: '为干部职工生成微信绑定邀请码', url: ROUTES.adminPeople });
      }
      return entries;
    }
  }
}
