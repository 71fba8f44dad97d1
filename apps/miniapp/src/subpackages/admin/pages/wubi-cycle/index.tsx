import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useMemo, useState } from 'react';
import type { WubiCyclePlanDto } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { cyclePlan, saveCyclePlan } from '../../../../services/cycle.api';
import { errorMessage } from '../../../../services/http';
import './index.scss';

type Draft = Record<number, string[]>;

function draftOf(p: WubiCyclePlanDto): Draft {
  return Object.fromEntries(p.plan.map((y) => [y.year, y.sectionIds]));
}

/**
 * 五比五评三年周期 (seed 002 二): which listed sections (附件1) take part in which year, so that every one is covered
 * within the three years. The office toggles the year-by-section grid and saves the whole plan (a plan leaving a
 * section out is refused with its name); leaders read it.
 */
export default function WubiCyclePage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  // `?startYear=2027` opens that cycle; otherwise the API picks the one covering this year
  const [startYear, setStartYear] = useState<number | undefined>(() => {
    const asked = Number(Taro.getCurrentInstance().router?.params.startYear);
    return Number.isInteger(asked) && asked >= 2000 && asked <= 2098 ? asked : undefined;
  });
  const data = useAsync(() => cyclePlan(startYear), [startYear]);
  const [draft, setDraft] = useState<Draft>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data.status === 'success') {
      setDraft(draftOf(data.data));
      setError(null);
    }
  }, [data.status, data.data]);

  const p = data.status === 'success' ? data.data : null;
  const coverage = useMemo(() => {
    if (!p) return { covered: 0, uncovered: [] as { id: string; name: string }[] };
    const inPlan = new Set(Object.values(draft).flat());
    const uncovered = p.sections.filter((s) => !inPlan.has(s.id)).map((s) => ({ id: s.id, name: s.name }));
    return { covered: p.sections.length - uncovered.length, uncovered };
  }, [p, draft]);

  if (data.status === 'loading') return <View className="page"><StateView kind="loading" /></View>;
  if (data.status === 'offline') return <View className="page"><StateView kind="offline" onRetry={data.reload} /></View>;
  if (data.status === 'error') return <View className="page"><StateView kind="error" description={data.error} onRetry={data.reload} /></View>;
  const plan = data.data;
  const byYear = new Map(plan.plan.map((y) => [y.year, y]));
  const changed = plan.years.some((y) => [...(draft[y] ?? [])].sort().join() !== [...(byYear.get(y)?.sectionIds ?? [])].sort().join());

  const toggle = (year: number, sectionId: string) => {
    if (!office) return;
    const y = byYear.get(year);
    if (y?.locked) return;
    const cur = draft[year] ?? [];
    if (cur.includes(sectionId)) {
      if (y?.keepSectionIds.includes(sectionId)) {
        setError(y.lockReason ?? '该科室当年已有记录，不能移出');
        return;
      }
      setDraft({ ...draft, [year]: cur.filter((id) => id !== sectionId) });
    } else {
      // keep the bureau's section order
      const order = plan.sections.map((s) => s.id);
      setDraft({ ...draft, [year]: [...cur, sectionId].sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
    }
    setError(null);
  };

  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      await saveCyclePlan({ startYear: plan.startYear, years: plan.years.map((year) => ({ year, sectionIds: draft[year] ?? [] })) });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      data.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page cy">
      <View className="cy__range">
        <View className="cy__step" hoverClass="list-row--hover" data-testid="cycle-prev" onClick={() => setStartYear(plan.startYear - 3)}>
          <Text>‹ 上一周期</Text>
        </View>
        <Text className="cy__range-text" data-testid="cycle-range">
          {plan.startYear}–{plan.endYear} 年
        </Text>
        <View className="cy__step" hoverClass="list-row--hover" data-testid="cycle-next" onClick={() => setStartYear(plan.startYear + 3)}>
          <Text>下一周期 ›</Text>
        </View>
      </View>

      <View className="card" data-testid="cycle-coverage">
        <Text className="cy__cov-title">
          已覆盖 {coverage.covered} / {plan.sections.length} 个参评科室（二级机构）
        </Text>
        {coverage.uncovered.length > 0 ? (
          <Text className="cy__uncovered" data-testid="cycle-uncovered">
            三年中均未安排：{coverage.uncovered.map((s) => s.name).join('、')}
          </Text>
        ) : (
          <Text className="cy__ok">三年内全部参评科室均已安排（全覆盖）</Text>
        )}
        <Text className="cy__meta" data-testid="cycle-saved">
          {plan.saved ? `已保存${plan.updatedByName ? ` · ${plan.updatedByName}` : ''}${changed ? ' · 有未保存的修改' : ''}` : '本周期尚未保存计划（未保存的年度按附件1 全部参评）'}
        </Text>
        {plan.overlaps && <Text className="cy__uncovered">与已保存的 {plan.overlaps} 周期年份重叠，不能在此保存</Text>}
      </View>

      <Text className="notice">按“三年一个周期，进行全覆盖考评”（五比五评方案 二）：每个参评科室至少安排一年；安排在某年的科室负责人即为该年度的五比五评参评对象。已结束并归档的年度不能修改。</Text>

      <View className="card cy__grid" data-testid="cycle-grid">
        <View className="cy__row cy__row--head">
          <Text className="cy__name">参评科室</Text>
          {plan.years.map((y) => {
            const info = byYear.get(y);
            return (
              <View key={y} className="cy__year">
                <Text>{y}</Text>
                <Text className="cy__year-tag">{info?.locked ? '已归档' : y === plan.currentYear ? '今年' : y < plan.currentYear ? '已结束' : ''}</Text>
              </View>
            );
          })}
        </View>
        {plan.sections.map((s) => (
          <View key={s.id} className="cy__row">
            <View className="cy__name">
              <Text className="cy__sname">{s.name}</Text>
              {s.wubiType && <Text className="cy__stype">{s.wubiType}</Text>}
            </View>
            {plan.years.map((y) => {
              const on = (draft[y] ?? []).includes(s.id);
              const info = byYear.get(y);
              const fixed = !office || !!info?.locked || (on && !!info?.keepSectionIds.includes(s.id));
              return (
                <View
                  key={y}
                  className={`cy__cell${on ? ' cy__cell--on' : ''}${fixed ? ' cy__cell--fixed' : ''}`}
                  hoverClass={fixed ? 'none' : 'list-row--hover'}
                  data-testid={`cycle-cell-${s.id}-${y}`}
                  data-on={on ? 'true' : 'false'}
                  onClick={() => toggle(y, s.id)}
                >
                  <Text>{on ? '✓' : ''}</Text>
                </View>
              );
            })}
          </View>
        ))}
        <View className="cy__row cy__row--foot">
          <Text className="cy__name">当年参评数</Text>
          {plan.years.map((y) => (
            <Text key={y} className="cy__count" data-testid={`cycle-count-${y}`}>
              {(draft[y] ?? []).length}
            </Text>
          ))}
        </View>
      </View>
      {plan.plan.filter((y) => y.lockReason).map((y) => (
        <Text key={y.year} className="cy__meta">
          {y.lockReason}
        </Text>
      ))}

      {error && (
        <Text className="notice notice--warning" data-testid="form-error">
          {error}
        </Text>
      )}
      {office && (
        <View className="main-action">
          <Button type="primary" block loading={busy} disabled={busy || !!plan.overlaps} data-testid="cycle-save" onClick={() => void save()}>
            保存三年计划
          </Button>
        </View>
      )}
    </View>
  );
}
