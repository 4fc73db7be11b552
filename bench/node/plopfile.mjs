// A plop generator writing the same files scaffold writes for
// `new action <name> --field title --field body:text --auth next-auth --page`.
// run.sh fills templates/ from scaffold's own output, so the contents match.
import fs from "node:fs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);

export default function (plop) {
  const root = path.join(here, "templates");
  const files = fs.readdirSync(root, { recursive: true }).filter((f) => f.endsWith(".hbs"));
  plop.setGenerator("action", {
    description: "Server Action with form and page",
    prompts: [{ type: "input", name: "name", message: "segment" }],
    actions: files.map((file) => ({
      type: "add",
      path: file.replace(/\.hbs$/, "").replace("__name__", "{{name}}"),
      templateFile: path.join(root, file),
      force: true,
    })),
  });
}
