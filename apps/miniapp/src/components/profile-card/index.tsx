import { Text, View } from '@tarojs/components';
import type { Me } from '@kaoping/contracts';
import { positionLabel, roleLabel } from '../../utils/labels';
import './index.scss';

function displaySection(me: Me): string {
  if (me.sectionName) return me.sectionName;
  if (me.kind === 'citizen') return '市民（匿名）';
  if (me.kind === 'representative') return '两代表一委员';
  return me.role === 'leader' ? '局领导' : '未分配处室';
}

/** Who you are: name, section, position, role and the branch-secretary badge. */
export function ProfileCard({ me, greeting }: { me: Me; greeting?: string }) {
  const position = positionLabel(me.position);
  return (
    <View className="profile-card" data-testid="profile-card">
      {greeting ? <Text className="profile-card__greeting">{greeting}</Text> : null}
      <Text className="profile-card__name" data-testid="me-name">
        {me.kind === 'citizen' ? '市民朋友' : me.name}
      </Text>
      <Text className="profile-card__section" data-testid="me-section">
        {displaySection(me)}
      </Text>
      <View className="profile-card__tags">
        {position ? (
          <Text className="profile-card__tag" data-testid="me-position">
            {position}
          </Text>
        ) : null}
        <Text className="profile-card__tag" data-testid="me-role">
          {roleLabel(me.role)}
        </Text>
        {me.branchSecretary ? (
          <Text className="profile-card__tag profile-card__tag--party" data-testid="me-branch-secretary">
            支部书记
          </Text>
        ) : null}
      </View>
    </View>
  );
}
