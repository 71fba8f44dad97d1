import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { ApiError, errorMessage } from '../../../../services/http';
import { newIdempotencyKey, submitCitizenSurvey, surveyForm } from '../../../../services/surveys.api';
import { QuestionForm, collectAnswers } from './question-form';
import './index.scss';

const THANKS = '/subpackages/citizen/pages/thanks/index';

/** Scan → survey, no account: the QR token names the survey and the section. */
export default function CitizenSurveyPage() {
  const router = useRouter();
  const t = decodeURIComponent(router.params.t ?? '');
  const form = useAsync(() => (t ? surveyForm(t) : Promise.reject(new ApiError({ statusCode: 400, code: 'SURVEY_TOKEN_INVALID', message: '二维码无效，请扫描张贴的官方二维码' }))), [t]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [contact, setContact] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const started = useRef(Date.now());
  const key = useRef(newIdempotencyKey('sv'));

  if (form.status === 'loading') return <StateView kind="loading" />;
  if (form.status === 'offline') return <StateView kind="offline" onRetry={form.reload} />;
  if (form.status === 'error') return <StateView kind="error" title="无法打开评价" description={form.error} />;
  const f = form.data;

  if (refused) {
    return (
      <StateView kind="empty" title={refused} description="每位市民对同一单位每期只能评价一次。">
        <View data-testid="survey-already" />
      </StateView>
    );
  }

  const submit = async () => {
    const collected = collectAnswers(f.questions, answers);
    if (!collected.ok) {
      setError(collected.missing);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const r = await submitCitizenSurvey({
        t,
        answers: collected.answers,
        durationMs: Date.now() - started.current,
        contact: contact.trim() || undefined,
        idempotencyKey: key.current,
        label: `${f.sectionName} 满意度评价`,
      });
      void Taro.redirectTo({ url: `${THANKS}?section=${encodeURIComponent(f.sectionName)}${r.queued ? '&queued=1' : ''}` });
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 409) setRefused(err.message);
      else setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="page survey-page" data-testid="survey-page">
      <View className="survey-page__head">
        <Text className="survey-page__section" data-testid="survey-section">
          {f.sectionName}
        </Text>
        <Text className="survey-page__title">{f.title}</Text>
        <Text className="survey-page__lead">匿名评价，约 1 分钟。您的评价计入该单位负责人的年度考评。</Text>
      </View>
      <QuestionForm questions={f.questions} answers={answers} onChange={(id, v) => setAnswers((a) => ({ ...a, [id]: v }))} />
      <View className="card">
        <Text className="survey-page__label">联系方式（选填，便于回访；与评价分开保存）</Text>
        <Input className="survey-page__input" value={contact} maxlength={60} placeholder="手机号或其他联系方式" onInput={(e) => setContact(e.detail.value)} />
      </View>
      {error ? (
        <Text className="survey-page__error" data-testid="survey-error">
          {error}
        </Text>
      ) : null}
      <View className="main-action">
        <Button type="primary" block size="large" loading={pending} disabled={pending} onClick={() => void submit()} data-testid="survey-submit">
          提交评价
        </Button>
      </View>
      <Text className="survey-page__note">评价截止 {f.periodEnd}</Text>
    </View>
  );
}
