export type ArtifactKind = "text" | "code" | "sheet";
export type Document = {
  id: string;
  createdAt: Date;
  title: string;
  content: string | null;
  kind: ArtifactKind;
  userId: string;
};
