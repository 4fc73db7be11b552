import { NextResponse } from "next/server";

import getCurrentUser from "@/app/actions/getCurrentUser";
import prisma from "@/app/libs/prismadb";

interface IParams {
  reservationId?: string;
}

export async function DELETE(
  request: Request,
  { params }: { params: IParams }
) {
  const currentUser = await getCurrentUser();

  if (!currentUser) {
    return NextResponse.error();
  }

  const { reservationId } = params;

  if (!reservationId || typeof reservationId !== 'string') {
    throw new Error('Invalid ID');
  }

  const reservation = await prisma.reservation.findUnique({ where: { id: reservationId } });
  const listing = reservation
    ? await prisma.listing.findUnique({ where: { id: reservation.listingId } })
    : null;

  // the guest or the host may cancel
  const allowed = reservation && (reservation.userId === currentUser.id || listing?.userId === currentUser.id);

  const result = await prisma.reservation.deleteMany({
    where: allowed ? { id: reservationId } : { id: "" },
  });

  return NextResponse.json(result);
}
