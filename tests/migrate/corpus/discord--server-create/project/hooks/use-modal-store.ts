import { useState } from "react";

import type { Channel, Server, ServerWithMembers } from "@/lib/db";

// Stand-in for the zustand modal store.
export type ModalType = "createServer" | "invite" | "editServer" | "members" | "createChannel" | "leaveServer";

interface ModalData {
  server?: Server | ServerWithMembers;
  channel?: Channel;
}

export const useModal = () => {
  const [state, setState] = useState<{ type: ModalType | null; data: ModalData; isOpen: boolean }>({
    type: null,
    data: {},
    isOpen: false,
  });

  return {
    ...state,
    onOpen: (type: ModalType, data: ModalData = {}) => setState({ isOpen: true, type, data }),
    onClose: () => setState({ type: null, isOpen: false, data: {} }),
  };
};
