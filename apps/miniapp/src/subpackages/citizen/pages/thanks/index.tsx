import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Success } from '@nutui/icons-react-taro';
import './index.scss';

/** After a citizen's answer: thanks (and, if it was kept for later, say so). */
export default function ThanksPage() {
  const { params } = useRouter();
  const section = params.section ? decodeURIComponent(params.section) : '';
  const queued = params.queued === '1';
  return (
    <View className="page thanks-page" data-testid="survey-thanks">
      <Success size={72} color="#00a870" />
      <Text className="thanks-page__title">感谢您的评价！</Text>
      <Text className="thanks-page__text">
        {queued
          ? '当前网络不可用，评价已保存在本机，联网后将自动提交。'
          : `您对${section || '该单位'}的评价已提交。我们会认真对待每一条意见，持续改进服务。`}
      </Text>
    </View>
  );
}
