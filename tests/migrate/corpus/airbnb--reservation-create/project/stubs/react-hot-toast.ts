// Stand-in for the react-hot-toast package (same call shape).
type Toast = ((message: string) => string) & {
  success: (message: string) => string;
  error: (message: string) => string;
};

const show = (message: string) => {
  console.log(message);
  return message;
};

export const toast: Toast = Object.assign(show, { success: show, error: show });
export default toast;
