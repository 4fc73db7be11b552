export type Database = {
  public: {
    Tables: {
      profiles: {
        Row: { user_id: string; username: string; display_name: string }
      }
    }
  }
}
