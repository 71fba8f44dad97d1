import { InfoPage } from '../../../../components/info-page';

export default function RepresentativeHomePage() {
  return (
    <InfoPage
      title="两代表一委员测评"
      lead="城管执法局邀请人大代表、政协委员和党代表，对各处室及干部职工的工作进行测评。"
      items={[
        { title: '如何参与', text: '收到邀请后，扫描邀请二维码即可参与测评，无需注册。' },
        { title: '测评内容', text: '对各处室的履职情况、工作作风和服务效能进行评价，结果计入年度考评。' },
        { title: '信息保护', text: '测评结果仅用于考评汇总，不对外公开个人评价。' },
      ]}
      status="测评功能正在建设中，开通后将通过邀请二维码进入。"
    />
  );
}
