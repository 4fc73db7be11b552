"use client";

import axios from "axios";
import * as z from "zod";
import { useState } from "react";
import { useRouter } from "next/navigation";

import { useModal } from "@/hooks/use-modal-store";

const formSchema = z.object({
  name: z.string().min(1, {
    message: "Server name is required."
  }),
  imageUrl: z.string().min(1, {
    message: "Server image is required."
  })
});

export const InitialModal = () => {
  const { onClose } = useModal();
  const router = useRouter();
  const [values, setValues] = useState({ name: "", imageUrl: "" });
  const [isLoading, setIsLoading] = useState(false);

  const onSubmit = async (values: z.infer<typeof formSchema>) => {
    try {
      setIsLoading(true);
      await axios.post("/api/servers", values);

      setValues({ name: "", imageUrl: "" });
      router.refresh();
      window.location.reload();
    } catch (error) {
      console.log(error);
    } finally {
      setIsLoading(false);
    }
  }

  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit(formSchema.parse(values)); }}>
      <input
        disabled={isLoading}
        placeholder="Enter server name"
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
      />
      <input
        disabled={isLoading}
        placeholder="Image URL"
        value={values.imageUrl}
        onChange={(e) => setValues({ ...values, imageUrl: e.target.value })}
      />
      <button disabled={isLoading}>Create</button>
    </form>
  )
}
