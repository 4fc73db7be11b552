'use client';
import { useState } from 'react';
import { useUpdateQuery } from '@/components/hooks/queries/useUpdateQuery';

export function WebsiteEditForm({ websiteId, name, domain }: { websiteId: string; name: string; domain: string }) {
  const [values, setValues] = useState({ name, domain });
  const { mutateAsync, error, touch } = useUpdateQuery(`/websites/${websiteId}`);

  const handleSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    await mutateAsync(values, {
      onSuccess: async () => {
        touch(`website:${websiteId}`);
      },
    });
  };

  return (
    <form onSubmit={handleSubmit}>
      <input value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
      <input value={values.domain} onChange={(e) => setValues({ ...values, domain: e.target.value })} />
      {error && <p role="alert">{error.message}</p>}
      <button type="submit">Save</button>
    </form>
  );
}
