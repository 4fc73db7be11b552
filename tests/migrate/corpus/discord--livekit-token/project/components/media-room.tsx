"use client";

import { useEffect, useState } from "react";

interface MediaRoomProps {
  chatId: string;
  user: { firstName: string | null; lastName: string | null };
};

export const MediaRoom = ({ chatId, user }: MediaRoomProps) => {
  const [token, setToken] = useState("");

  useEffect(() => {
    if (!user.firstName || !user.lastName) return;

    const name = `${user.firstName} ${user.lastName}`;

    (async () => {
      try {
        const resp = await fetch(`/api/livekit?room=${chatId}&username=${name}`);
        const data = await resp.json();
        setToken(data.token);
      } catch (e) {
        console.log(e);
      }
    })()
  }, [user.firstName, user.lastName, chatId]);

  if (token === "") {
    return <p>Loading...</p>;
  }

  return <div data-token={token} data-server={process.env.NEXT_PUBLIC_LIVEKIT_URL} />;
}
