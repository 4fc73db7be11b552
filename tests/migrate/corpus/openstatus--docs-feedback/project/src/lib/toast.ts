export function toastAction(kind: "success" | "error") {
  console.log(kind === "error" ? "Something went wrong." : "Done.");
}
