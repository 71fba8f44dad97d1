import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CONSEQUENCE_LABELS, SCHEME_LABELS, type SchemeId } from '@kaoping/contracts';
import { JobProgress } from '../../../../components/job-progress';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { listSections } from '../../../../services/org.api';
import { leaderboard, startReport, startRun } from '../../../../services/scores.api';
import '../records.scss';

/** 成绩排行: by bureau or section, per scheme and year; the office recomputes and sees the 不称职 consequences. */
export default function LeaderboardPage() {
  const { me } = useSession();
  const [scheme, setScheme] = useState<SchemeId>('jiguan');
  const [year, setYear] = useState(new Date().getFullYear());
  const [sectionId, setSectionId] = useState<string | undefined>(undefined);
  const [grades, setGrades] = useState(false);
  const sections = useAsync(() => listSections(), []);
  const board = useAsync(() => leaderboard({ scheme, year, sectionId }), [scheme, year, sectionId]);
  useDidShow(() => board.reload());
  const office = me?.role === 'office' || me?.role === 'leader';

  const inScheme = sections.status === 'success' ? sections.data.filter((s) => (scheme === 'wubi' ? s.wubiType : s.category)) : [];
  const rows = board.status === 'success' ? (grades ? [...board.data.rows].sort((a, b) => a.grade.localeCompare(b.grade) || b.total - a.total) : board.data.rows) : [];

  return (
    <View className="page rec">
      <View className="rec__tabs">
        {(['jiguan', 'wubi'] as SchemeId[]).map((s) => (
          <View key={s} className={`rec__tab${scheme === s ? ' rec__tab--on' : ''}`} onClick={() => { setScheme(s); setSectionId(undefined); }}>
            <Text>{SCHEME_LABELS[s]}</Text>
          </View>
        ))}
      </View>
      <View className="rec__chips" style={{ marginBottom: '12px' }}>
        {[year - 1, year, year + 1].filter((y) => y <= new Date().getFullYear()).map((y) => (
          <View key={y} className={`rec__chip${y === year ? ' rec__chip--on' : ''}`} onClick={() => setYear(y)}><Text>{y} 年</Text></View>
        ))}
        {office && (
          <View className={`rec__chip${grades ? ' rec__chip--on' : ''}`} data-testid="grade-list" onClick={() => setGrades(!grades)}><Text>等次名单</Text></View>
        )}
      </View>
      {office && (
        <View className="rec__chips" style={{ marginBottom: '12px' }}>
          <View className={`rec__chip${!sectionId ? ' rec__chip--on' : ''}`} onClick={() => setSectionId(undefined)}><Text>全局</Text></View>
          {inScheme.map((s) => (
            <View key={s.id} className={`rec__chip${sectionId === s.id ? ' rec__chip--on' : ''}`} onClick={() => setSectionId(s.id)}><Text>{s.name}</Text></View>
          ))}
        </View>
      )}
      {office && (
        <View className="card" style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}>
          {me?.role === 'office' && (
            <JobProgress key={`run-${scheme}-${year}`} label={`全局重算${SCHEME_LABELS[scheme]}`} start={() => startRun(scheme, year)} onDone={() => board.reload()} onView={() => board.reload()} testId="recompute" />
          )}
          <JobProgress key={`report-${year}`} label={`导出 ${year} 年考评报表`} secondary start={() => startReport(year)} testId="score-report" />
        </View>
      )}
      {board.status === 'loading' && <StateView kind="loading" title="正在计算成绩…" />}
      {board.status === 'offline' && <StateView kind="offline" onRetry={board.reload} />}
      {board.status === 'error' && <StateView kind="error" description={board.error} onRetry={board.reload} />}
      {board.status === 'success' && board.data.error && <Text className="notice notice--warning">{board.data.error}</Text>}
      {board.status === 'success' && rows.length === 0 && <StateView kind="empty" title="暂无成绩" />}
      {rows.length > 0 && (
        <View className="card" data-testid="leaderboard">
          {rows.map((r) => (
            <View key={r.personId} className="rec__row" data-testid={`board-${r.personId}`} onClick={() => void Taro.navigateTo({ url: `/subpackages/officer/pages/scores/index?personId=${r.personId}&year=${year}` })}>
              <Text className="rec__rank">{r.rank}</Text>
              <View className="rec__name">
                <Text>{r.name}</Text>
                <Text className="rec__meta">{r.sectionName}{grades && r.flags.some((f) => f.startsWith('consequence:')) ? ` · ${r.flags.filter((f) => f.startsWith('consequence:')).map((f) => CONSEQUENCE_LABELS[f] ?? f).join('、')}` : ''}</Text>
              </View>
              <Text className={`badge ${r.grade === '不称职' ? 'badge--red' : ''}`}>{r.grade}</Text>
              <Text className="rec__score" data-testid={`board-total-${r.personId}`}>{r.total}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
