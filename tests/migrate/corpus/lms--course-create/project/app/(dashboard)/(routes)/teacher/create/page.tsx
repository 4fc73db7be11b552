"use client";

import * as z from "zod";
import axios from "axios";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import toast from "react-hot-toast";

const formSchema = z.object({
  title: z.string().min(1, {
    message: "Title is required",
  }),
});

const CreatePage = () => {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [isSubmitting, setIsSubmitting] = useState(false);

  const onSubmit = async (values: z.infer<typeof formSchema>) => {
    try {
      setIsSubmitting(true);
      const response = await axios.post("/api/courses", values);
      router.push(`/teacher/courses/${response.data.id}`);
      toast.success("Course created");
    } catch {
      toast.error("Something went wrong");
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(formSchema.parse({ title }));
      }}
    >
      <h1>Name your course</h1>
      <input
        disabled={isSubmitting}
        placeholder="e.g. 'Advanced web development'"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <Link href="/">Cancel</Link>
      <button type="submit" disabled={!title || isSubmitting}>Continue</button>
    </form>
  );
}

export default CreatePage;
