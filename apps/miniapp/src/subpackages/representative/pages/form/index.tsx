import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { StateView } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { ApiError, errorMessage } from '../../../../services/http';
import { invitationHome, newIdempotencyKey, submitInvitation } from '../../../../services/surveys.api';
import { QuestionForm, collectAnswers } from '../../../citizen/pages/survey/question-form';

/** One section's form for an invited evaluator; back to the list when sent. */
export default function RepresentativeFormPage() {
  const { params } = useRouter();
  const sectionId = params.sectionId ?? '';
  const home = useAsync(invitationHome, []);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(Date.now());
  const key = useRef(newIdempotencyKey('rv'));

  if (home.status === 'loading') return <StateView kind="loading" />;
  if (home.status === 'offline') return <StateView kind="offline" onRetry={home.reload} />;
  if (home.status === 'error') return <StateView kind="error" description={home.error} onRetry={home.reload} />;
  const h = home.data;
  const section = h.sections.find((s) => s.sectionId === sectionId);
  if (!section) return <StateView kind="error" title="该单位不在评价范围内" />;

  const submit = async () => {
    const c = collectAnswers(h.questions, answers);
    if (!c.ok) {
      setError(c.missing);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const r = await submitInvitation({ sectionId, answers: c.answers, durationMs: Date.now() - started.current, idempotencyKey: key.current, label: `评价 ${section.sectionName}` });
      void Taro.showToast({ title: r.queued ? '已保存，联网后提交' : '已提交', icon: 'success' });
      void Taro.navigateBack();
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 409) void Taro.navigateBack();
      else setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="page" data-testid="rep-form">
      <View style={{ padding: '24px 8px' }}>
        <Text style={{ display: 'block', fontSize: '22px', fontWeight: 700, color: '#0b3d91' }}>{section.sectionName}</Text>
        <Text style={{ display: 'block', fontSize: '14px', color: '#86909c', marginTop: '6px' }}>{h.title}</Text>
      </View>
      <QuestionForm questions={h.questions} answers={answers} onChange={(id, v) => setAnswers((a) => ({ ...a, [id]: v }))} />
      {error ? <Text style={{ display: 'block', color: '#c8161d', margin: '8px' }}>{error}</Text> : null}
      <View className="main-action">
        <Button type="primary" block size="large" loading={pending} disabled={pending} onClick={() => void submit()} data-testid="rep-submit">
          提交评价
        </Button>
      </View>
    </View>
  );
}
