"use client"

import axios from "axios"
import { useState } from "react"
import { toast } from "react-hot-toast"
import { useParams, useRouter } from "next/navigation"

import type { Billboard } from "@/lib/prismadb"

interface BillboardFormProps {
  initialData: Billboard | null;
};

export const BillboardForm: React.FC<BillboardFormProps> = ({ initialData }) => {
  const params = useParams();
  const router = useRouter();
  const [label, setLabel] = useState(initialData?.label ?? "");
  const [imageUrl, setImageUrl] = useState(initialData?.imageUrl ?? "");
  const [loading, setLoading] = useState(false);

  const toastMessage = initialData ? 'Billboard updated.' : 'Billboard created.';

  const onSubmit = async (data: { label: string; imageUrl: string }) => {
    try {
      setLoading(true);
      if (initialData) {
        await axios.patch(`/api/${params.storeId}/billboards/${params.billboardId}`, data);
      } else {
        await axios.post(`/api/${params.storeId}/billboards`, data);
      }
      router.refresh();
      router.push(`/${params.storeId}/billboards`);
      toast.success(toastMessage);
    } catch (error: any) {
      toast.error('Something went wrong.');
    } finally {
      setLoading(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit({ label, imageUrl }); }}>
      <input disabled={loading} value={label} onChange={(e) => setLabel(e.target.value)} />
      <input disabled={loading} value={imageUrl} onChange={(e) => setImageUrl(e.target.value)} />
      <button disabled={loading} type="submit">{initialData ? 'Save changes' : 'Create'}</button>
    </form>
  );
};
