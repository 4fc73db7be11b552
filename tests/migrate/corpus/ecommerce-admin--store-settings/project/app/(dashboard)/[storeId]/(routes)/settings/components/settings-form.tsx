"use client"

import * as z from "zod"
import axios from "axios"
import { toast } from "react-hot-toast"
import { useParams, useRouter } from "next/navigation"
import { useState } from "react"

import type { Store } from "@/lib/prismadb"

const formSchema = z.object({
  name: z.string().min(2),
});

type SettingsFormValues = z.infer<typeof formSchema>

interface SettingsFormProps {
  initialData: Store;
};

export const SettingsForm: React.FC<SettingsFormProps> = ({
  initialData
}) => {
  const params = useParams();
  const router = useRouter();

  const [name, setName] = useState(initialData.name);
  const [loading, setLoading] = useState(false);

  const onSubmit = async (data: SettingsFormValues) => {
    try {
      setLoading(true);
      await axios.patch(`/api/stores/${params.storeId}`, data);
      router.refresh();
      toast.success('Store updated.');
    } catch (error: any) {
      toast.error('Something went wrong.');
    } finally {
      setLoading(false);
    }
  };

  const onDelete = async () => {
    try {
      setLoading(true);
      await axios.delete(`/api/stores/${params.storeId}`);
      router.refresh();
      router.push('/');
      toast.success('Store deleted.');
    } catch (error: any) {
      toast.error('Remove every product and category of the store first.');
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <button disabled={loading} onClick={onDelete}>Delete store</button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(formSchema.parse({ name }));
        }}
      >
        <input disabled={loading} value={name} onChange={(e) => setName(e.target.value)} />
        <button disabled={loading} type="submit">Save changes</button>
      </form>
    </>
  );
};
