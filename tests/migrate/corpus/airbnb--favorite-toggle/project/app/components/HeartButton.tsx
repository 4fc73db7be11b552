'use client';

import useFavorite from "@/app/hooks/useFavorite";
import { SafeUser } from "@/app/types";

interface HeartButtonProps {
  listingId: string
  currentUser?: SafeUser | null
}

const HeartButton: React.FC<HeartButtonProps> = ({ listingId, currentUser }) => {
  const { hasFavorited, toggleFavorite } = useFavorite({ listingId, currentUser });

  return (
    <div onClick={toggleFavorite} className="relative cursor-pointer">
      {hasFavorited ? "♥" : "♡"}
    </div>
  );
}

export default HeartButton;
