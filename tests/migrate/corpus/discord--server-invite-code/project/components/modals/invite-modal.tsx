"use client";

import axios from "axios";
import { useState } from "react";

import { useModal } from "@/hooks/use-modal-store";

export const InviteModal = () => {
  const { onOpen, isOpen, type, data } = useModal();
  const origin = typeof window !== "undefined" ? window.location.origin : "";

  const isModalOpen = isOpen && type === "invite";
  const { server } = data;

  const [copied, setCopied] = useState(false);
  const [isLoading, setIsLoading] = useState(false);

  const inviteUrl = `${origin}/invite/${server?.inviteCode}`;

  const onCopy = () => {
    navigator.clipboard.writeText(inviteUrl);
    setCopied(true);
    setTimeout(() => setCopied(false), 1000);
  };

  const onNew = async () => {
    try {
      setIsLoading(true);
      const response = await axios.patch(`/api/servers/${server?.id}/invite-code`);

      onOpen("invite", { server: response.data });
    } catch (error) {
      console.log(error);
    } finally {
      setIsLoading(false);
    }
  }

  if (!isModalOpen) return null;

  return (
    <div>
      <input disabled={isLoading} readOnly value={inviteUrl} />
      <button disabled={isLoading} onClick={onCopy}>{copied ? "Copied" : "Copy"}</button>
      <button onClick={onNew} disabled={isLoading}>Generate a new link</button>
    </div>
  )
}
