import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { platform } from '../../platform';
import { errorMessage } from '../../services/http';
import { uploadEvidence } from '../../services/records.api';
import './index.scss';

export interface PickedPhoto {
  id: string;
  preview: string;
}

/** Photo/scan upload: pick → POST /api/files → keeps the file id; shows thumbnails of what was picked (at most 9). */
export function PhotoField({ files, onChange, onError, label, testId }: { files: PickedPhoto[]; onChange: (f: PickedPhoto[]) => void; onError: (msg: string) => void; label: string; testId: string }) {
  const [busy, setBusy] = useState(false);
  const add = async () => {
    try {
      const photo = await platform.choosePhoto();
      if (!photo) return;
      setBusy(true);
      const id = await uploadEvidence(photo);
      onChange([...files, { id, preview: photo.preview }]);
    } catch (err) {
      onError(err instanceof Error && err.message ? err.message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="pf">
      {files.map((f) => (
        <Image key={f.id} className="pf__photo" src={f.preview} mode="aspectFill" data-testid={`${testId}-picked`} />
      ))}
      {files.length < 9 && (
        <View className="pf__add" hoverClass="list-row--hover" data-testid={testId} onClick={() => !busy && void add()}>
          <Text className="pf__add-plus">{busy ? '…' : '+'}</Text>
          <Text>{busy ? '上传中' : label}</Text>
        </View>
      )}
    </View>
  );
}
