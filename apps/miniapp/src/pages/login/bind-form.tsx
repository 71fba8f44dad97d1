import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { isValidInviteCode, normalizeInviteCode } from '../../services/auth.api';

export interface BindFormProps {
  submitting: boolean;
  error: string | null;
  onSubmit: (inviteCode: string) => void;
}

/** First WeChat login of a bureau member: enter the invite code the 考评办 handed over in person. */
export function BindForm({ submitting, error, onSubmit }: BindFormProps) {
  const [code, setCode] = useState('');
  const valid = isValidInviteCode(code);
  return (
    <View className="card bind-form">
      <Text className="bind-form__title">首次登录，请绑定身份</Text>
      <Text className="bind-form__desc">
        请输入考评办（监察室）当面交给您的邀请码（6–12 位字母或数字）。绑定后，此微信即可直接登录。
      </Text>
      <View className={`bind-form__field${error ? ' bind-form__field--error' : ''}`}>
        <Input
          className="bind-form__input"
          data-testid="invite-code-input"
          value={code}
          maxlength={12}
          placeholder="邀请码"
          placeholderClass="bind-form__placeholder"
          confirmType="done"
          onInput={(e) => {
            const next = normalizeInviteCode(e.detail.value);
            setCode(next);
            return next;
          }}
          onConfirm={() => valid && !submitting && onSubmit(code)}
        />
      </View>
      {error ? <Text className="bind-form__error">{error}</Text> : null}
      <View className="main-action">
        <Button
          type="primary"
          block
          size="large"
          loading={submitting}
          disabled={!valid || submitting}
          onClick={() => onSubmit(code)}
          data-testid="bind-submit"
        >
          {submitting ? '正在绑定…' : '绑定并登录'}
        </Button>
      </View>
    </View>
  );
}
