import { z } from "zod";
import type { JiraHttp } from "./http.ts";
import { toUser, type UserIdentity } from "./mappers.ts";
import { userSchema } from "./schemas.ts";
import type { JiraUser } from "./types.ts";

/**
 * `GET {api}/user/search`, the same resource on both flavours except for the name of the search
 * parameter: `query` on Cloud, `username` on Data Center.
 */
export async function searchJiraUsers(
  http: JiraHttp,
  api: string,
  identity: UserIdentity,
  search: { query: string } | { username: string },
  maxResults = 50,
): Promise<JiraUser[]> {
  const users = await http.request({
    method: "GET",
    path: `${api}/user/search`,
    query: { ...search, maxResults },
    schema: z.array(userSchema),
  });
  return users.flatMap((user) => toUser(user, identity) ?? []);
}
