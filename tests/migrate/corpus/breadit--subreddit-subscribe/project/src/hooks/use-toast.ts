// Stand-in for the shadcn/ui toast hook.
type ToastProps = {
  title?: string;
  description?: string;
  variant?: "default" | "destructive";
  action?: unknown;
};

export function toast(props: ToastProps) {
  console.log("toast", props.title, props.description);
  return { id: String(Date.now()), dismiss: () => {} };
}

export function useToast() {
  return { toast, dismiss: () => {} };
}
