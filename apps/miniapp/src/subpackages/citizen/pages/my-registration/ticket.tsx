import { Image, Text, View } from '@tarojs/components';
import type { MyRegistrationDto } from '@kaoping/contracts';
import { chineseDateTime } from '../../../../utils/date';
import './ticket.scss';

/** The registrant's ticket: the check-in code large, its QR code, the event and whether they have checked in. */
export function RegistrationTicket({ registration: r }: { registration: MyRegistrationDto }) {
  return (
    <View className="card ticket" data-testid="ticket">
      <Text className="ticket__event">{r.openDay.title}</Text>
      <Text className="ticket__line">
        {r.openDay.startsLocal} · {r.openDay.place}
      </Text>
      <Text className="ticket__label">签到报名码</Text>
      <Text className="ticket__code" data-testid="checkin-code" userSelect>
        {r.code}
      </Text>
      <View className="ticket__qr-box">
        <Image className="ticket__qr" src={r.qrDataUrl} mode="scaleToFill" data-testid="checkin-qr" />
      </View>
      <View className="ticket__rows">
        <Text className="ticket__line">
          {r.name} · {r.phoneMasked} · {r.audienceLabel}
          {r.organisation ? ` · ${r.organisation}` : ''}
        </Text>
        {r.checkedInAt ? (
          <Text className="ticket__checked" data-testid="ticket-checked-in">
            已于 {chineseDateTime(r.checkedInAt)} 签到
          </Text>
        ) : (
          <Text className="ticket__pending">未签到 · 活动当天凭报名码或二维码签到</Text>
        )}
      </View>
    </View>
  );
}
