"use client";

import axios from "axios";
import qs from "query-string";
import { useState } from "react";
import { useRouter } from "next/navigation";

import { useModal } from "@/hooks/use-modal-store";
import type { MemberRole, ServerWithMembers } from "@/lib/db";

export const MembersModal = () => {
  const router = useRouter();
  const { onOpen, isOpen, type, data } = useModal();
  const [loadingId, setLoadingId] = useState("");

  const isModalOpen = isOpen && type === "members";
  const { server } = data as { server: ServerWithMembers };

  const onKick = async (memberId: string) => {
    try {
      setLoadingId(memberId);
      const url = qs.stringifyUrl({
        url: `/api/members/${memberId}`,
        query: {
          serverId: server?.id,
        },
      });

      const response = await axios.delete(url);

      router.refresh();
      onOpen("members", { server: response.data });
    } catch (error) {
      console.log(error);
    } finally {
      setLoadingId("");
    }
  }

  const onRoleChange = async (memberId: string, role: MemberRole) => {
    try {
      setLoadingId(memberId);
      const url = qs.stringifyUrl({
        url: `/api/members/${memberId}`,
        query: {
          serverId: server?.id,
        }
      });

      const response = await axios.patch(url, { role });

      router.refresh();
      onOpen("members", { server: response.data });
    } catch (error) {
      console.log(error);
    } finally {
      setLoadingId("");
    }
  }

  if (!isModalOpen) return null;

  return (
    <ul>
      {server?.members?.map((member) => (
        <li key={member.id}>
          {member.role}
          {loadingId !== member.id && server.profileId !== member.profileId && (
            <>
              <button onClick={() => onRoleChange(member.id, "GUEST")}>Guest</button>
              <button onClick={() => onRoleChange(member.id, "MODERATOR")}>Moderator</button>
              <button onClick={() => onKick(member.id)}>Kick</button>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
