import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EXTRA_COMPONENT_LABELS, POSITION_LABELS, type SectionExtrasDto } from '@kaoping/contracts';
import { Chips, scoreText } from '../../../../components/review-ui';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { extrasSummary } from '../../../../services/reviews.api';
import { ROUTES } from '../../../../services/routes';

const pct = (w: number) => `${Math.round(w * 10000) / 100}%`;

function SectionCard({ s, year }: { s: SectionExtrasDto; year: number }) {
  return (
    <View data-testid={`extras-section-${s.sectionId}`}>
      <Text className="section-title">{s.sectionName}</Text>
      {s.components.map((c) => (
        <View key={c.component} className="card" data-testid={`extras-${s.sectionId}-${c.component}`}>
          <View className="rv__row">
            <View className="rv__row-main">
              <Text className="rv__row-title">
                {c.label}
                <Text className="rv__tag">权重 {pct(c.weight)}</Text>
              </Text>
              <Text className="rv__row-sub">{c.component === 'innovation' ? '取全年评定最高的一项' : `全年 ${c.periods.length} 次的平均`}</Text>
            </View>
            <Text className={`rv__score${c.score === null ? ' rv__score--none' : ''}`}>{scoreText(c.score)}</Text>
          </View>
          {c.periods.map((p) => (
            <View key={p.period + p.label} className="rv__row">
              <Text className="rv__row-sub">{p.label}</Text>
              <Text>{scoreText(p.score)}</Text>
            </View>
          ))}
        </View>
      ))}
      {s.holders.length > 0 ? (
        <View className="card">
          <Text className="rv__row-title">计入个人成绩（按任职期间）</Text>
          {s.holders.map((h) => (
            <View
              key={`${h.personId}-${h.from}`}
              className="rv__row"
              hoverClass="list-row--hover"
              data-testid={`extras-holder-${h.personId}`}
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.officerScores}?personId=${h.personId}&year=${year}` })}
            >
              <View className="rv__row-main">
                <Text className="rv__row-title">
                  {h.name} · {POSITION_LABELS[h.position]}
                </Text>
                <Text className="rv__row-sub">
                  {h.from} 至 {h.to} · {h.scores.map((x) => `${EXTRA_COMPONENT_LABELS[x.component]} ${scoreText(x.score)}`).join('，')}
                </Text>
              </View>
              <Text className="rv__hint">成绩 ›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 附加项: what feeds the extra components of a section's chief and deputies (seed 000 七.(一)) — the 局领导点评 of each month,
 * the 季度监察考评会 scores, the 半年考评打分 means and the 工作创新 entries — and the office's weights. Chiefs see their own
 * section; the office and leaders pick one.
 */
export default function ReviewExtrasPage() {
  const { me } = useSession();
  const year = new Date().getFullYear();
  const bureau = me?.role === 'office' || me?.role === 'leader';
  const [sectionId, setSectionId] = useState<string | null>(null);
  const data = useAsync(() => extrasSummary({ year }), [year]);
  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  const sections = data.data.sections;
  if (sections.length === 0) return <StateView kind="empty" title="本处室不在机关考评范围内" description="附加项只计入机关各处（室）正、副处长的成绩" />;
  const shown = bureau ? sections.find((s) => s.sectionId === sectionId) ?? sections[0]! : sections[0]!;
  const sum = data.data.weights.reduce((a, w) => a + w.weight, 0);
  return (
    <View className="page">
      <Text className="rv__formula" data-testid="extras-formula">
        处长、副处长总分 =（1 − {pct(sum)}）× 德能勤绩廉与民主测评平均分 + {data.data.weights.map((w) => `${pct(w.weight)} × ${w.label}`).join(' + ')}
        {sum === 0 ? '。考评办尚未设置权重，目前总分即六项平均分。' : '。某项尚无得分时不计该项，其权重归入六项平均分。'}
      </Text>
      {bureau ? <Chips testId="extras-pick" value={shown.sectionId} onChange={setSectionId} options={sections.map((s) => ({ key: s.sectionId, label: s.sectionName }))} /> : null}
      <SectionCard s={shown} year={year} />
    </View>
  );
}
