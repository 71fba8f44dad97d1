import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ExtraComponentId } from '@kaoping/contracts';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useSession } from '../../../../hooks/use-session';
import { errorMessage } from '../../../../services/http';
import { extrasWeights, REVIEW_ROUTES, setExtrasWeights } from '../../../../services/reviews.api';
import { chineseDateTime } from '../../../../utils/date';

const HINTS: Record<ExtraComponentId, string> = {
  leader_comments: '每月月度总结会上局领导对本处室的点评，全年平均',
  quarterly_review: '每季度监察考评会议给本处室的得分，全年平均',
  half_year_unit_scoring: '每半年局属各单位对本处室作风、效能的打分，全年平均',
  innovation: '本处室全年评定最高的一项工作创新',
};

/**
 * 附加项权重 (seed 000 七.(一)): the office sets the share of each extra component in the total of the 机关 chiefs and
 * deputies, in percent (the document gives no weights; the scheme ships 0). Staff totals are unaffected.
 */
export default function ExtrasWeightsPage() {
  const { me } = useSession();
  const office = me?.role === 'office';
  const data = useAsync(() => extrasWeights(), []);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (data.status === 'success') setValues(Object.fromEntries(data.data.weights.map((w) => [w.component, String(Math.round(w.weight * 10000) / 100)])));
  }, [data.status]);

  if (data.status === 'loading') return <StateView kind="loading" />;
  if (data.status !== 'success') return <StateView kind={data.status} description={data.error} onRetry={data.reload} />;
  const parsed = data.data.weights.map((w) => ({ component: w.component, label: w.label, pct: Number(values[w.component] ?? '0') }));
  const sum = Math.round(parsed.reduce((a, p) => a + (Number.isFinite(p.pct) ? p.pct : 0), 0) * 100) / 100;

  const save = async () => {
    const bad = parsed.find((p) => !Number.isFinite(p.pct) || p.pct < 0 || p.pct > 100 || Math.round(p.pct * 100) !== p.pct * 100);
    if (bad) return setError(`${bad.label}：请填写 0–100 之间的百分数（最多两位小数）`);
    if (sum >= 100) return setError(`四项之和为 ${sum}%，须小于 100%`);
    setBusy(true);
    setError(null);
    try {
      await setExtrasWeights(parsed.map((p) => ({ component: p.component, weight: Math.round(p.pct * 100) / 10000 })));
      void Taro.showToast({ title: '已保存，成绩将重新计算', icon: 'none' });
      data.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <Text className="rv__formula" data-testid="weights-formula">
        处长、副处长总分 =（1 − 权重之和）× 德能勤绩廉与民主测评平均分 + Σ 权重 × 附加项得分。科员不计附加项。方案未规定权重（默认 0），由考评办确定。
      </Text>
      <View className="card" data-testid="weights-form">
        {parsed.map((p) => (
          <View key={p.component} className="rv__row">
            <View className="rv__row-main">
              <Text className="rv__row-title">{p.label}</Text>
              <Text className="rv__row-sub">{HINTS[p.component]}</Text>
            </View>
            <Input
              className="rv__input"
              style={{ width: '160px', textAlign: 'right' }}
              type="digit"
              disabled={!office}
              data-testid={`weight-${p.component}`}
              value={values[p.component] ?? ''}
              onInput={(e) => setValues((v) => ({ ...v, [p.component]: e.detail.value }))}
            />
            <Text>%</Text>
          </View>
        ))}
        <View className="rv__row">
          <Text className="rv__row-title">合计</Text>
          <Text className="rv__score" data-testid="weights-sum">{sum}%</Text>
        </View>
        <Text className="rv__hint">
          {data.data.updatedAt ? `最近修改：${data.data.updatedByName}，${chineseDateTime(data.data.updatedAt)}` : '尚未设置，沿用方案默认值 0。'}
        </Text>
        {error ? <Text className="rv__error" data-testid="weights-error">{error}</Text> : null}
        {office ? (
          <View className="rv__action">
            <Button type="primary" block size="large" loading={busy} onClick={save} data-testid="weights-save">
              保存附加项权重
            </Button>
          </View>
        ) : null}
      </View>
      <View className="rv__action">
        <Button fill="none" block size="large" onClick={() => void Taro.navigateTo({ url: REVIEW_ROUTES.extras })}>
          查看各处室附加项得分 ›
        </Button>
      </View>
    </View>
  );
}
