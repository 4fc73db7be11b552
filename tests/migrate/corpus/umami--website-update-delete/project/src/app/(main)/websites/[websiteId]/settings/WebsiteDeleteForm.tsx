'use client';
import { useState } from 'react';
import { useDeleteQuery } from '@/components/hooks/queries/useDeleteQuery';

const CONFIRM_VALUE = 'DELETE';

export function WebsiteDeleteForm({
  websiteId,
  onSave,
  onClose,
}: {
  websiteId: string;
  onSave?: () => void;
  onClose?: () => void;
}) {
  const [typed, setTyped] = useState('');
  const { mutateAsync, isPending, error, touch } = useDeleteQuery(`/websites/${websiteId}`);

  const handleConfirm = async () => {
    await mutateAsync(undefined, {
      onSuccess: async () => {
        touch('websites');
        touch(`websites:${websiteId}`);
        onSave?.();
        onClose?.();
      },
    });
  };

  return (
    <div>
      <input value={typed} onChange={(e) => setTyped(e.target.value)} />
      {error && <p role="alert">{error.message}</p>}
      <button disabled={isPending || typed !== CONFIRM_VALUE} onClick={handleConfirm} type="button">
        Delete
      </button>
    </div>
  );
}
