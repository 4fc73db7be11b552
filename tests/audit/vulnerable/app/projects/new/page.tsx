import { ProjectForm } from "./project-form";

export default function NewProjectPage() {
  return (
    <main>
      <h1>New project</h1>
      <ProjectForm />
    </main>
  );
}
