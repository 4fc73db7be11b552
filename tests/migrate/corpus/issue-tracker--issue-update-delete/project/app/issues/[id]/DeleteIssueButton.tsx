'use client';

import axios from 'axios';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

const DeleteIssueButton = ({ issueId }: { issueId: number }) => {
  const router = useRouter();
  const [error, setError] = useState(false);
  const [isDeleting, setDeleting] = useState(false);

  const deleteIssue = async () => {
    try {
      setDeleting(true);
      await axios.delete('/api/issues/' + issueId);
      router.push('/issues/list');
      router.refresh();
    } catch (error) {
      setDeleting(false);
      setError(true);
    }
  };

  return (
    <>
      <button disabled={isDeleting} onClick={deleteIssue} type="button">
        Delete Issue
      </button>
      {error && (
        <div role="alertdialog">
          <p>This issue could not be deleted.</p>
          <button onClick={() => setError(false)} type="button">
            OK
          </button>
        </div>
      )}
    </>
  );
};

export default DeleteIssueButton;
