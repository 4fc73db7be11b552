"use client";

import { Dispatch, SetStateAction, useState } from "react";
import { signOut } from "next-auth/react";
import { toast } from "sonner";

export function DeleteAccountModal({
  showDeleteAccountModal,
  setShowDeleteAccountModal,
}: {
  showDeleteAccountModal: boolean;
  setShowDeleteAccountModal: Dispatch<SetStateAction<boolean>>;
}) {
  const [deleting, setDeleting] = useState(false);

  async function deleteAccount() {
    setDeleting(true);
    await fetch(`/api/user`, {
      method: "DELETE",
      headers: {
        "Content-Type": "application/json",
      },
    }).then(async (res) => {
      if (res.status === 200) {
        // give the route change a moment before signing out
        await new Promise((resolve) =>
          setTimeout(() => {
            signOut({
              callbackUrl: `${window.location.origin}/`,
            });
            resolve(null);
          }, 500),
        );
      } else {
        setDeleting(false);
        const error = await res.text();
        throw error;
      }
    });
  }

  if (!showDeleteAccountModal) return null;

  return (
    <div role="dialog">
      <h3>Delete Account</h3>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          toast.promise(deleteAccount(), {
            loading: "Deleting account...",
            success: "Account deleted successfully!",
            error: (err) => String(err),
          });
        }}
      >
        <input name="verification" pattern="confirm delete account" required />
        <button disabled={deleting} type="submit">
          Confirm delete account
        </button>
        <button onClick={() => setShowDeleteAccountModal(false)} type="button">
          Cancel
        </button>
      </form>
    </div>
  );
}
