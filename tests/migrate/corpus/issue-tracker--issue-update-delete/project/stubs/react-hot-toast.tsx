// Stand-in for react-hot-toast.
const toast = Object.assign((message: string) => console.log(message), {
  error: (message: string) => console.error(message),
  success: (message: string) => console.log(message),
});

export function Toaster() {
  return null;
}

export default toast;
