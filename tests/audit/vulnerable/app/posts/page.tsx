import { desc, eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { posts } from "@/lib/db/schema";
import { createPost, deletePost, publishPost } from "./actions";

export default async function PostsPage() {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");

  const myPosts = await db
    .select()
    .from(posts)
    .where(eq(posts.authorId, session.user.id))
    .orderBy(desc(posts.createdAt));

  return (
    <main>
      <form action={createPost}>
        <input name="title" placeholder="Title" required />
        <button type="submit">Add post</button>
      </form>
      <ul>
        {myPosts.map((post) => (
          <li key={post.id}>
            {post.title}
            {!post.publishedAt && (
              <form action={publishPost.bind(null, post.id)}>
                <button type="submit">Publish</button>
              </form>
            )}
            <form action={deletePost.bind(null, post.id)}>
              <button type="submit">Delete</button>
            </form>
          </li>
        ))}
      </ul>
    </main>
  );
}
