import Taro from '@tarojs/taro';
import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory, type ComplaintCreated } from '@kaoping/contracts';
import { useAsync } from '../../../../hooks/use-async';
import { platform } from '../../../../platform';
import { ApiError, OfflineError, errorMessage } from '../../../../services/http';
import { complaintSections, ensureCitizenToken, submitComplaint, uploadUrl } from '../../../../services/complaints.api';
import './index.scss';

const MAX_CONTENT = 1000;
const MAX_PHOTOS = 6;
const TRACK_PAGE = '/subpackages/citizen/pages/track/index';

interface Photo {
  preview: string;
  id: string;
}

/** The public complaint form (QR → H5, or the mini-program): no account needed. */
export default function ComplaintPage() {
  const sections = useAsync(complaintSections, []);
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [sectionIndex, setSectionIndex] = useState(0);
  const [officerHint, setOfficerHint] = useState('');
  const [content, setContent] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(false);
  const [location, setLocation] = useState<{ latitude: number; longitude: number } | null>(null);
  const [address, setAddress] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ComplaintCreated | null>(null);

  const sectionList = sections.status === 'success' ? sections.data : [];
  const sectionNames = ['不清楚 / 不选择', ...sectionList.map((s) => s.name)];

  const addPhoto = async () => {
    if (uploading || photos.length >= MAX_PHOTOS) return;
    const picked = await platform.choosePhoto();
    if (!picked) return;
    setUploading(true);
    setError(null);
    try {
      const token = await ensureCitizenToken();
      const uploaded = await platform.uploadPhoto(picked, uploadUrl(), token);
      setPhotos((list) => [...list, { preview: picked.preview, id: uploaded.id }]);
    } catch (err) {
      setError(err instanceof Error ? err.message : '照片上传失败，请重试');
    } finally {
      setUploading(false);
    }
  };

  const addLocation = async () => {
    try {
      setLocation(await platform.getLocation());
    } catch (err) {
      void Taro.showToast({ title: err instanceof Error ? err.message : '无法获取位置', icon: 'none' });
    }
  };

  const trimmed = content.trim();
  const canSubmit = !!category && trimmed.length >= 5 && trimmed.length <= MAX_CONTENT && !pending && !uploading;

  const submit = async () => {
    if (!category) return setError('请选择投诉类别');
    if (trimmed.length < 5) return setError('请把问题写清楚（至少 5 个字）');
    setPending(true);
    setError(null);
    try {
      const token = await ensureCitizenToken();
      const section = sectionIndex > 0 ? sectionList[sectionIndex - 1] : undefined;
      const result = await submitComplaint(
        {
          category,
          content: trimmed,
          sectionId: section?.id,
          officerHint: officerHint.trim() || undefined,
          photoFileIds: photos.map((p) => p.id),
          address: address.trim() || undefined,
          latitude: location?.latitude,
          longitude: location?.longitude,
          contactName: contactName.trim() || undefined,
          contactPhone: contactPhone.trim() || undefined,
        },
        token,
      );
      setDone(result);
    } catch (err) {
      setError(err instanceof OfflineError ? '网络不可用，投诉尚未提交，请检查网络后重试' : err instanceof ApiError ? err.message : errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  if (done) {
    const copy = () => void Taro.setClipboardData({ data: done.trackingCode }).then(() => Taro.showToast({ title: '查询码已复制', icon: 'success' }));
    return (
      <View className="page complaint-done" data-testid="complaint-done">
        <Text className="complaint-done__title">投诉已提交</Text>
        <Text className="complaint-done__hint">请保存下面的查询码，凭它查看办理进度和答复结果</Text>
        <Text className="complaint-done__code" data-testid="tracking-code" userSelect>
          {done.trackingCode}
        </Text>
        <View className="main-action">
          <Button type="primary" block size="large" onClick={copy} data-testid="copy-code">
            复制查询码
          </Button>
        </View>
        <View className="main-action">
          <Button block size="large" fill="outline" onClick={() => void Taro.redirectTo({ url: `${TRACK_PAGE}?code=${done.trackingCode}` })}>
            查询进度
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="page complaint-form">
      <Text className="notice">监察室受理行政效能投诉，核实后答复。您无需登录，也可不留联系方式。</Text>

      <Text className="complaint-form__label">投诉类别</Text>
      <View className="complaint-form__chips">
        {COMPLAINT_CATEGORIES.map((c) => (
          <View
            key={c}
            className={`complaint-form__chip ${category === c ? 'complaint-form__chip--on' : ''}`}
            onClick={() => setCategory(c)}
            data-testid={`category-${c}`}
          >
            {COMPLAINT_CATEGORY_LABELS[c]}
          </View>
        ))}
      </View>

      <Text className="complaint-form__label">
        涉及处室<Text className="complaint-form__optional">（知道的话）</Text>
      </Text>
      <Picker mode="selector" range={sectionNames} value={sectionIndex} disabled={sections.status !== 'success'} onChange={(e) => setSectionIndex(Number(e.detail.value))}>
        <View className="complaint-form__row-action" data-testid="section-picker">
          <Text>{sections.status === 'loading' ? '加载中…' : sections.status === 'success' ? sectionNames[sectionIndex] : '处室加载失败，可不选'}</Text>
          <Text>›</Text>
        </View>
      </Picker>
      <Input className="complaint-form__input" placeholder="涉及人员（姓名、执法证号，可不填）" maxlength={60} value={officerHint} onInput={(e) => setOfficerHint(e.detail.value)} />

      <Text className="complaint-form__label">投诉内容</Text>
      <Textarea
        className="complaint-form__textarea"
        placeholder="请写明时间、地点、经过"
        maxlength={MAX_CONTENT}
        value={content}
        onInput={(e) => setContent(e.detail.value)}
        data-testid="complaint-content"
      />
      <Text className={`complaint-form__counter ${content.length > MAX_CONTENT ? 'complaint-form__counter--over' : ''}`}>
        {content.length}/{MAX_CONTENT}
      </Text>

      <Text className="complaint-form__label">
        照片<Text className="complaint-form__optional">（最多 {MAX_PHOTOS} 张，位置信息会被去除）</Text>
      </Text>
      <View className="complaint-form__photos">
        {photos.map((p, i) => (
          <View key={p.id} className="complaint-form__photo" data-testid="photo-thumb">
            <Image className="complaint-form__photo-img" src={p.preview} mode="aspectFill" />
            <View className="complaint-form__photo-remove" onClick={() => setPhotos((list) => list.filter((_, j) => j !== i))}>
              ×
            </View>
          </View>
        ))}
        {photos.length < MAX_PHOTOS && (
          <View className="complaint-form__add" onClick={() => void addPhoto()} data-testid="add-photo">
            {uploading ? '上传中…' : '+ 添加照片'}
          </View>
        )}
      </View>

      <Text className="complaint-form__label">
        地点<Text className="complaint-form__optional">（可不填）</Text>
      </Text>
      <View className="complaint-form__row-action" onClick={() => void addLocation()}>
        <Text>{location ? `已定位（${location.latitude.toFixed(4)}, ${location.longitude.toFixed(4)}）` : '添加当前位置'}</Text>
        <Text>{location ? '重新定位' : '›'}</Text>
      </View>
      <Input className="complaint-form__input" placeholder="地点描述，如“人民路与解放路交口”" maxlength={200} value={address} onInput={(e) => setAddress(e.detail.value)} />

      <Text className="complaint-form__label">
        联系方式<Text className="complaint-form__optional">（可不填，仅监察室可见）</Text>
      </Text>
      <Input className="complaint-form__input" placeholder="称呼" maxlength={40} value={contactName} onInput={(e) => setContactName(e.detail.value)} />
      <Input className="complaint-form__input" type="number" placeholder="手机号" maxlength={20} value={contactPhone} onInput={(e) => setContactPhone(e.detail.value)} />

      {error ? (
        <Text className="complaint-form__error" data-testid="complaint-error">
          {error}
        </Text>
      ) : null}
      <View className="main-action">
        <Button type="primary" block size="large" loading={pending} disabled={!canSubmit} onClick={() => void submit()} data-testid="submit-complaint">
          提交投诉
        </Button>
      </View>
      <View className="main-action">
        <Button block fill="none" onClick={() => void Taro.navigateTo({ url: TRACK_PAGE })}>
          已投诉过？凭查询码查进度
        </Button>
      </View>
    </View>
  );
}
