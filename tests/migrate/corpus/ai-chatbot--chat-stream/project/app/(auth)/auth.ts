export { auth } from "@/auth";
