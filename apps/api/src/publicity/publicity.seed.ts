import type { DataSource, EntityManager } from 'typeorm';
import { addDays, localDate } from '../common/time.js';
import { zonedInstant } from '../attendance/zoned-time.js';
import { makeCheckInCode } from './open-days.service.js';
import { OpenDay, OpenDayRegistration, PublicityBoard, PublicityProblem, PublicityTask, type BoardStage } from './publicity.entities.js';

const TZ = 'Asia/Shanghai';
const OFFICE = 'p039';

interface DemoTask {
  title: string;
  description?: string;
  /** Notes at these fractions of the year so far, with the percent reached. */
  notes: [number, number, string][];
}

interface DemoBoard {
  sectionId: string;
  editorId: string;
  status: 'approved' | 'submitted';
  tasks: DemoTask[];
  problems: [number, string, string][];
}

const BOARDS: DemoBoard[] = [
  {
    sectionId: 'jdk',
    editorId: 'p043',
    status: 'approved',
    tasks: [
      {
        title: '城市管理领域突出问题专项督查',
        description: '围绕占道经营、违规广告、渣土运输开展专项督查，以月保季、以季保年',
        notes: [
          [0.15, 15, '制定年度督查计划，明确 6 类问题清单'],
          [0.45, 45, '完成上半年两轮全覆盖督查，发现问题 86 个，已整改 71 个'],
          [0.85, 75, '第三轮督查转入“回头看”，整改率提升至 93%'],
        ],
      },
      {
        title: '数字城管案件办结提速',
        description: '案件平均办结时间由 5 个工作日压缩到 3 个工作日',
        notes: [
          [0.3, 30, '建立限时办结台账，逐件跟踪'],
          [0.8, 70, '平均办结时间缩短至 3.4 个工作日'],
        ],
      },
      { title: '“五比五评”作风专项自查', notes: [[0.6, 50, '开展科室自查自纠，梳理问题 5 条并制定整改措施']] },
    ],
    problems: [
      [0.35, '建设路农贸市场周边占道经营反复', '划定临时疏导点，安排专人早晚巡查，占道现象明显减少'],
      [0.7, '阳光小区门口共享单车乱停放', '协调运营企业增设停放点 2 处，每日定时清理'],
    ],
  },
  {
    sectionId: 'zfzd',
    editorId: 'p051',
    status: 'approved',
    tasks: [
      {
        title: '夜市经营秩序规范化管理',
        notes: [
          [0.25, 20, '完成 3 个夜市摸底，制定“一市一策”'],
          [0.75, 80, '人民路夜市规范化管理经验在全市推广'],
        ],
      },
      { title: '执法规范化建设', description: '执法记录仪全程使用率 100%', notes: [[0.5, 60, '完成执法人员轮训 2 期，案卷评查合格率 96%']] },
    ],
    problems: [[0.55, '老城区夜间施工噪音扰民', '联合环保部门夜查 12 次，责令 4 个工地调整施工时间']],
  },
  {
    sectionId: 'hwc',
    editorId: 'p062',
    status: 'approved',
    tasks: [
      {
        title: '生活垃圾分类提质扩面',
        notes: [
          [0.2, 25, '新增分类示范小区 12 个'],
          [0.9, 90, '城区分类覆盖率达 92%'],
        ],
      },
    ],
    problems: [[0.4, '东门公厕夜间不开放', '调整为 24 小时开放，安排专人保洁']],
  },
  {
    sectionId: 'csglk',
    editorId: 'p047',
    status: 'submitted',
    tasks: [{ title: '户外广告设置审批提速', description: '审批时限由 7 个工作日压缩到 3 个工作日', notes: [[0.5, 40, '梳理审批流程，合并材料 3 项']] }],
    problems: [],
  },
];

const REGISTRANTS: [string, string, 'citizen' | 'merchant' | 'representative', string | null][] = [
  ['陈晓梅', '13800000101', 'citizen', '阳光社区'],
  ['刘建华', '13800000102', 'merchant', '建设路老字号面馆'],
  ['孙丽', '13800000103', 'citizen', null],
  ['周国平', '13800000104', 'representative', '市人大代表'],
  ['吴芳', '13800000105', 'merchant', '人民路夜市 12 号摊'],
];

async function writeStage(em: EntityManager, boardId: string, stage: BoardStage, b: DemoBoard, dateAt: (f: number) => string): Promise<void> {
  for (const [i, t] of b.tasks.entries()) {
    await em.getRepository(PublicityTask).insert(
      em.getRepository(PublicityTask).create({
        boardId,
        stage,
        key: `demo-${b.sectionId}-t${i + 1}`,
        sortOrder: i,
        title: t.title,
        description: t.description ?? null,
        updates: t.notes.map(([f, percent, text], j) => ({ key: `demo-${b.sectionId}-t${i + 1}-u${j + 1}`, date: dateAt(f), percent, text })),
      }),
    );
  }
  for (const [i, [f, title, solution]] of b.problems.entries()) {
    await em.getRepository(PublicityProblem).insert(
      em.getRepository(PublicityProblem).create({ boardId, stage, key: `demo-${b.sectionId}-p${i + 1}`, sortOrder: i, title, solution, solvedOn: dateAt(f), problemId: null }),
    );
  }
}

/**
 * Demo 进度公示 and 公众开放日 (idempotent: skipped once any board exists): this year's approved boards of three
 * participating sections, one awaiting the office's review, and an upcoming open day of 城管监督科 with a few
 * registrations.
 */
export async function seedDemoPublicity(ds: DataSource, now = new Date()): Promise<void> {
  if ((await ds.getRepository(PublicityBoard).count()) > 0) return;
  const today = localDate(now, TZ);
  const year = Number(today.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const elapsed = Math.round((Date.UTC(year, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000);
  const dateAt = (f: number) => addDays(jan1, Math.floor(elapsed * f));
  await ds.transaction(async (em) => {
    for (const b of BOARDS) {
      const approved = b.status === 'approved';
      const board = em.getRepository(PublicityBoard).create({
        sectionId: b.sectionId,
        year,
        status: b.status,
        revision: 1,
        publishedRevision: approved ? 1 : null,
        returnReason: null,
        submittedAt: now,
        submittedById: b.editorId,
        reviewedAt: approved ? now : null,
        reviewedById: approved ? OFFICE : null,
        publishedAt: approved ? now : null,
        updatedById: b.editorId,
      });
      await em.getRepository(PublicityBoard).insert(board);
      await writeStage(em, board.id, 'draft', b, dateAt);
      if (approved) await writeStage(em, board.id, 'published', b, dateAt);
    }
    const startDay = addDays(today, 10);
    const od = em.getRepository(OpenDay).create({
      sectionId: 'jdk',
      title: '走近城管·城市管理公众开放日',
      startsAt: zonedInstant(startDay, '09:30', TZ),
      place: '市城市管理监督指挥中心一楼大厅',
      description: '参观数字城管指挥大厅，观看执法记录仪使用演示，座谈交流城市管理意见建议。',
      capacity: 30,
      registeredCount: REGISTRANTS.length,
      registrationDeadline: zonedInstant(addDays(startDay, -2), '17:00', TZ),
      audiences: ['citizen', 'merchant', 'representative'],
      cancelled: false,
      createdById: OFFICE,
    });
    await em.getRepository(OpenDay).insert(od);
    for (const [name, phone, audience, organisation] of REGISTRANTS) {
      await em.getRepository(OpenDayRegistration).insert(
        em.getRepository(OpenDayRegistration).create({ openDayId: od.id, name, phone, audience, organisation, code: makeCheckInCode(), checkedInAt: null, checkedInById: null }),
      );
    }
  });
}
