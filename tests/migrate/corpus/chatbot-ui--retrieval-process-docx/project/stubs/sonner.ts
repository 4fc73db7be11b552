// Local stand-in for the `sonner` toast library (same call shapes).
type Msg = string | (() => string);

function toastFn(message: string) {
  console.log(message);
}

export const toast = Object.assign(toastFn, {
  success: (message: string) => console.log(message),
  error: (message: string, _opts?: { duration?: number }) => console.error(message),
  promise<T>(
    promise: Promise<T>,
    opts: { loading: string; success: Msg | ((data: T) => string); error: Msg | ((e: Error) => string) },
  ) {
    promise.then(
      (data) => console.log(typeof opts.success === "function" ? opts.success(data as never) : opts.success),
      (e: Error) => console.error(typeof opts.error === "function" ? opts.error(e as never) : opts.error),
    );
    return promise;
  },
});
