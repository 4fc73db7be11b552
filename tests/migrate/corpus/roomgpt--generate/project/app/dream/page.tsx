"use client";

import { useState } from "react";

const themes = ["Modern", "Vintage", "Minimalist", "Professional"] as const;
const rooms = ["Living Room", "Dining Room", "Bedroom", "Bathroom", "Office"] as const;

export default function DreamPage() {
  const [originalPhoto, setOriginalPhoto] = useState<string | null>(null);
  const [restoredImage, setRestoredImage] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [theme, setTheme] = useState<(typeof themes)[number]>("Modern");
  const [room, setRoom] = useState<(typeof rooms)[number]>("Living Room");

  async function generatePhoto(fileUrl: string) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    setLoading(true);
    const res = await fetch("/generate", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ imageUrl: fileUrl, theme, room }),
    });

    let newPhoto = await res.json();
    if (res.status !== 200) {
      setError(newPhoto);
    } else {
      setRestoredImage(newPhoto[1]);
    }
    setTimeout(() => {
      setLoading(false);
    }, 1300);
  }

  return (
    <main>
      <select value={theme} onChange={(e) => setTheme(e.target.value as (typeof themes)[number])}>
        {themes.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <select value={room} onChange={(e) => setRoom(e.target.value as (typeof rooms)[number])}>
        {rooms.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <input
        placeholder="Image URL"
        onBlur={(e) => {
          setOriginalPhoto(e.target.value);
          generatePhoto(e.target.value);
        }}
      />
      {loading && <p>Generating…</p>}
      {error && <p role="alert">{error}</p>}
      {originalPhoto && restoredImage && <img alt="generated room" src={restoredImage} />}
    </main>
  );
}
