import { model } from "./model";

export type User = {
  id: string;
  name: string | null;
  email: string | null;
  hashedPassword: string | null;
  favoriteIds: string[];
  createdAt: Date;
  updatedAt: Date;
};
export type Listing = { id: string; title: string; price: number; userId: string };
export type Reservation = {
  id: string;
  userId: string;
  listingId: string;
  startDate: Date;
  endDate: Date;
  totalPrice: number;
};

const client = {
  user: model<User>(),
  listing: model<Listing>(),
  reservation: model<Reservation>(),
};

export default client;
