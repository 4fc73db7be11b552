"use client";

type ToastInput = {
  title: string;
  description?: string;
  variant?: "default" | "destructive" | "success";
};

export function useToast() {
  return {
    toast: (input: ToastInput) => console.log(input.title, input.description ?? ""),
  };
}
