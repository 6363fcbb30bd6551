import { Button, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { GuidelineView } from '@/types';
import { useMutation } from '@/hooks/useMutation';

/** The street workers' own section: edited here, each save a new dated version. */
export default function Notes({ g }: { g: GuidelineView }) {
  const [notes, setNotes] = useState(g.notes);
  useEffect(() => setNotes(g.notes), [g.notes]);
  const save = useMutation('guidelines.save', { invalidates: ['guidelines.get'], success: '已保存新版本' });
  return (
    <View className='notes-edit no-print'>
      <Textarea
        className='textarea notes-input'
        value={notes}
        maxlength={5000}
        placeholder='街道的重点任务、特色业态、联系人等'
        nativeProps={{ 'aria-label': '街道工作说明' }}
        onInput={(e) => setNotes(e.detail.value)}
      />
      <Button
        className='btn-primary save-notes'
        loading={save.busy}
        onClick={() => void save.run({ streetCode: g.streetCode, notes, version: g.version })}
      >
        保存为新版本
      </Button>
      {save.error && <Text className='form-error block'>{save.error}</Text>}
    </View>
  );
}
