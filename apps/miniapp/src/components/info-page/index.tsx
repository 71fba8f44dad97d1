import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export interface InfoPageProps {
  title: string;
  lead: string;
  items: { title: string; text: string }[];
  /** An honest note on what is available now. */
  status: string;
  children?: ReactNode;
}

/** A plain information page: what this persona will be able to do, without pretend buttons. */
export function InfoPage({ title, lead, items, status, children }: InfoPageProps) {
  return (
    <View className="page info-page">
      <View className="info-page__hero">
        <Text className="info-page__title">{title}</Text>
        <Text className="info-page__lead">{lead}</Text>
      </View>
      {items.map((item, i) => (
        <View key={item.title} className="card info-page__item">
          <View className="info-page__num">
            <Text>{i + 1}</Text>
          </View>
          <View className="info-page__body">
            <Text className="info-page__item-title">{item.title}</Text>
            <Text className="info-page__item-text">{item.text}</Text>
          </View>
        </View>
      ))}
      <Text className="notice notice--warning">{status}</Text>
      {children}
    </View>
  );
}
