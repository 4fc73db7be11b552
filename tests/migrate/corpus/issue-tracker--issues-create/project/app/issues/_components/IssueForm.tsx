'use client';

import { issueSchema } from '@/app/validationSchemas';
import { Issue } from '@prisma/client';
import axios from 'axios';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';

type IssueFormData = z.infer<typeof issueSchema>;

const IssueForm = ({ issue }: { issue?: Issue }) => {
  const router = useRouter();
  const [data, setData] = useState<IssueFormData>({
    title: issue?.title ?? '',
    description: issue?.description ?? '',
  });
  const [error, setError] = useState('');
  const [isSubmitting, setSubmitting] = useState(false);

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      setSubmitting(true);
      if (issue) await axios.patch('/api/issues/' + issue.id, data);
      else await axios.post('/api/issues', data);
      router.push('/issues/list');
      router.refresh();
    } catch (error) {
      setSubmitting(false);
      setError('An unexpected error occurred.');
    }
  };

  return (
    <div className="max-w-xl">
      {error && <p role="alert">{error}</p>}
      <form className="space-y-3" onSubmit={onSubmit}>
        <input
          defaultValue={issue?.title}
          placeholder="Title"
          onChange={(e) => setData({ ...data, title: e.target.value })}
        />
        <textarea
          defaultValue={issue?.description}
          placeholder="Description"
          onChange={(e) => setData({ ...data, description: e.target.value })}
        />
        <button disabled={isSubmitting}>
          {issue ? 'Update Issue' : 'Submit New Issue'}
        </button>
      </form>
    </div>
  );
};

export default IssueForm;
