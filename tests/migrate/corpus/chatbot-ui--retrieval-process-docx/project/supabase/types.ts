export type FileRow = {
  id: string;
  user_id: string;
  name: string;
  file_path: string;
  tokens: number;
};

export type FileItemRow = {
  file_id: string;
  user_id: string;
  content: string;
  tokens: number;
  openai_embedding: number[] | null;
};

export type Profile = {
  user_id: string;
  openai_api_key: string | null;
};
