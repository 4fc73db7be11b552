import type { AuthOptions } from "next-auth";

const authOptions: AuthOptions = {
  providers: [],
  session: { strategy: "jwt" },
};

export default authOptions;
