import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import { Failure, NetworkError, Tips } from '@nutui/icons-react-taro';
import type { ReactNode } from 'react';
import { OFFLINE_MESSAGE } from '../../services/http';
import './index.scss';

export type StateKind = 'loading' | 'empty' | 'error' | 'offline';

export interface StateViewProps {
  kind: StateKind;
  title?: string;
  description?: string;
  onRetry?: () => void;
  /** Extra content under the text, e.g. another action. */
  children?: ReactNode;
}

const DEFAULT_TITLES: Record<StateKind, string> = {
  loading: '正在加载…',
  empty: '暂无内容',
  error: '加载失败',
  offline: '连接失败',
};

/** One place for the loading / empty / error / offline states every page shows. */
export function StateView({ kind, title, description, onRetry, children }: StateViewProps) {
  const text = title ?? DEFAULT_TITLES[kind];
  const desc = description ?? (kind === 'offline' ? OFFLINE_MESSAGE : undefined);
  return (
    <View className={`state-view state-view--${kind}`}>
      <View className="state-view__icon">
        {kind === 'loading' && <Loading />}
        {kind === 'empty' && <Tips size={40} color="#86909c" />}
        {kind === 'error' && <Failure size={40} color="#c8161d" />}
        {kind === 'offline' && <NetworkError size={40} color="#b45309" />}
      </View>
      <Text className="state-view__title">{text}</Text>
      {desc ? <Text className="state-view__desc">{desc}</Text> : null}
      {onRetry && kind !== 'loading' && kind !== 'empty' ? (
        <View className="state-view__action">
          <Button type="primary" fill="outline" size="large" onClick={onRetry}>
            重试
          </Button>
        </View>
      ) : null}
      {children}
    </View>
  );
}
