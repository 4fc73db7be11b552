import type { Listing, Reservation, User } from "@/app/libs/prismadb";

export type SafeUser = Omit<User, "createdAt" | "updatedAt"> & {
  createdAt: string;
  updatedAt: string;
};

export type SafeListing = Listing;

export type SafeReservation = Omit<Reservation, "startDate" | "endDate"> & {
  startDate: string;
  endDate: string;
  listing: SafeListing;
};
