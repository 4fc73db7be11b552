"use client";

import * as z from "zod";
import axios from "axios";
import { useState } from "react";
import toast from "react-hot-toast";
import { useRouter } from "next/navigation";

import type { Chapter } from "@/lib/db";

interface ChaptersFormProps {
  chapters: Chapter[];
  courseId: string;
};

const formSchema = z.object({
  title: z.string().min(1),
});

export const ChaptersForm = ({ chapters, courseId }: ChaptersFormProps) => {
  const [title, setTitle] = useState("");
  const [isUpdating, setIsUpdating] = useState(false);
  const router = useRouter();

  const onSubmit = async (values: z.infer<typeof formSchema>) => {
    try {
      await axios.post(`/api/courses/${courseId}/chapters`, values);
      toast.success("Chapter created");
      setTitle("");
      router.refresh();
    } catch {
      toast.error("Something went wrong");
    }
  }

  const onReorder = async (updateData: { id: string; position: number }[]) => {
    try {
      setIsUpdating(true);

      await axios.put(`/api/courses/${courseId}/chapters/reorder`, {
        list: updateData
      });
      toast.success("Chapters reordered");
      router.refresh();
    } catch {
      toast.error("Something went wrong");
    } finally {
      setIsUpdating(false);
    }
  }

  const moveUp = (index: number) => {
    if (index === 0) return;
    const next = [...chapters];
    [next[index - 1], next[index]] = [next[index], next[index - 1]];
    onReorder(next.map((chapter, position) => ({ id: chapter.id, position })));
  }

  return (
    <div aria-busy={isUpdating}>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(formSchema.parse({ title })); }}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit">Create</button>
      </form>
      <ol>
        {chapters.map((chapter, index) => (
          <li key={chapter.id}>
            {chapter.title} <button onClick={() => moveUp(index)}>Up</button>
          </li>
        ))}
      </ol>
    </div>
  )
}
