import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { InfoPage } from '../../../../components/info-page';

export default function CitizenHomePage() {
  return (
    <InfoPage
      title="市民服务"
      lead="您对城管执法工作的评价，是干部职工绩效考评的重要依据。"
      items={[
        {
          title: '满意度评价',
          text: '对执法人员的服务态度、办事效率进行评价。评价结果计入被评价人员的考评。',
        },
        {
          title: '效能投诉',
          text: '反映执法人员推诿扯皮、办事拖拉、作风粗暴等问题。投诉由考评办（监察室）核实处理。',
        },
      ]}
      status="满意度评价：请扫描各单位窗口张贴的评价二维码进入（匿名，每人每期评价一次）。效能投诉已开通。"
    >
      <View className="main-action">
        <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: '/subpackages/citizen/pages/complaint/index' })} data-testid="citizen-complaint">
          我要投诉
        </Button>
      </View>
      <View className="main-action">
        <Button block size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: '/subpackages/citizen/pages/track/index' })}>
          查询投诉进度
        </Button>
      </View>
      <View className="card">
        <Text className="info-page__note">
          您以匿名身份登录，本系统只记录本设备的随机编号，不收集您的姓名、手机号等个人信息。
        </Text>
      </View>
    </InfoPage>
  );
}
