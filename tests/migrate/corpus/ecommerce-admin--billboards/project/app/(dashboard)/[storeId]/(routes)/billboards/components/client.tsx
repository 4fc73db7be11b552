"use client";

import { useParams, useRouter } from "next/navigation";

import { ApiList } from "@/components/ui/api-list";

export const BillboardClient = ({ count }: { count: number }) => {
  const params = useParams();
  const router = useRouter();

  return (
    <>
      <h2>Billboards ({count})</h2>
      <button onClick={() => router.push(`/${params.storeId}/billboards/new`)}>Add New</button>
      <h3>API</h3>
      <ApiList entityName="billboards" entityIdName="billboardId" />
    </>
  );
};
