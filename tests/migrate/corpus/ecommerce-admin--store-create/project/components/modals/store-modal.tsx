"use client";

import * as z from "zod"
import axios from "axios";
import { toast } from "react-hot-toast";
import { useState } from "react";

const formSchema = z.object({
  name: z.string().min(1),
});

export const StoreModal = ({ onClose }: { onClose: () => void }) => {
  const [name, setName] = useState("");
  const [loading, setLoading] = useState(false);

  const onSubmit = async (values: z.infer<typeof formSchema>) => {
    try {
      setLoading(true);
      const response = await axios.post('/api/stores', values);
      // full reload so the dashboard layout picks up the new store
      window.location.assign(`/${response.data.id}`);
    } catch (error) {
      toast.error('Something went wrong');
    } finally {
      setLoading(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = formSchema.safeParse({ name });
        if (parsed.success) onSubmit(parsed.data);
      }}
    >
      <label>Name</label>
      <input disabled={loading} placeholder="E-Commerce" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="button" disabled={loading} onClick={onClose}>Cancel</button>
      <button disabled={loading} type="submit">Continue</button>
    </form>
  );
};
