import { Text, Textarea, View } from '@tarojs/components';
import type { SurveyAnswer, SurveyQuestion } from '@kaoping/contracts';
import './question-form.scss';

const STARS = ['1', '2', '3', '4', '5'];

/** The questions of a survey: large choice buttons, a row of stars, a text box. Controlled by `answers`. */
export function QuestionForm(props: { questions: SurveyQuestion[]; answers: Record<string, string>; onChange: (id: string, value: string) => void }) {
  const { questions, answers, onChange } = props;
  return (
    <View className="qform">
      {questions.map((q, i) => (
        <View key={q.id} className="qform__q card" data-testid={`question-${q.id}`}>
          <Text className="qform__title">
            {i + 1}. {q.text}
            {q.required ? '' : '（选填）'}
          </Text>
          {q.type === 'choice' ? (
            <View className="qform__choices">
              {(q.options ?? []).map((o) => (
                <View
                  key={o}
                  className={`qform__choice ${answers[q.id] === o ? 'qform__choice--on' : ''}`}
                  onClick={() => onChange(q.id, o)}
                  data-testid={`choice-${q.id}-${o}`}
                >
                  <Text>{o}</Text>
                </View>
              ))}
            </View>
          ) : null}
          {q.type === 'stars' ? (
            <View className="qform__stars">
              {STARS.map((s) => (
                <View
                  key={s}
                  className={`qform__star ${Number(answers[q.id] ?? 0) >= Number(s) ? 'qform__star--on' : ''}`}
                  onClick={() => onChange(q.id, s)}
                  data-testid={`star-${q.id}-${s}`}
                >
                  <Text>★</Text>
                </View>
              ))}
              <Text className="qform__hint">{answers[q.id] ? `${answers[q.id]} 星` : '点击星星评分'}</Text>
            </View>
          ) : null}
          {q.type === 'text' ? (
            <Textarea
              className="qform__text"
              value={answers[q.id] ?? ''}
              maxlength={500}
              placeholder="请输入（选填）"
              onInput={(e) => onChange(q.id, e.detail.value)}
              data-testid={`text-${q.id}`}
            />
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** The answers to send (text answers only when written), or the first unanswered required question. */
export function collectAnswers(questions: SurveyQuestion[], answers: Record<string, string>): { ok: true; answers: SurveyAnswer[] } | { ok: false; missing: string } {
  const out: SurveyAnswer[] = [];
  for (const [i, q] of questions.entries()) {
    const v = (answers[q.id] ?? '').trim();
    if (!v) {
      if (q.required) return { ok: false, missing: `请回答第 ${i + 1} 题` };
      continue;
    }
    out.push({ questionId: q.id, value: v });
  }
  return { ok: true, answers: out };
}
